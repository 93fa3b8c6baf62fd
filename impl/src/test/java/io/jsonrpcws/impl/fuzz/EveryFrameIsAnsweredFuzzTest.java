package io.jsonrpcws.impl.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;


/**
 * Any bytes, decoded as strict UTF-8 the way the HTTP transport does (bytes that are not UTF-8 become the
 * frame {@code "\u0000"}, as {@code HttpCalls} passes them on), and handed to the engine as one frame: the
 * engine answers within two seconds, never throws, and its answer is nothing (only where the frame is
 * JSON) or valid JSON-RPC (see {@link JsonRpcAnswers}).
 *
 * <p>Regression mode (every build) runs the seeds below; {@code JAZZER_FUZZ=1} fuzzes.
 */
class EveryFrameIsAnsweredFuzzTest {

    /** A small service: scalars, any JSON value back, a notification sink, an async result, failures. */
    @JsonRpcService("t")
    public static class Service {
        @JsonRpcMethod
        public int add(int a, int b) {
            return a + b;
        }

        @JsonRpcMethod
        public Object echo(Object value) {
            return value;
        }

        @JsonRpcMethod
        public void log(String line) {
            // a notification target: nothing to answer
        }

        @JsonRpcMethod
        public CompletionStage<String> later(String text) {
            return CompletableFuture.supplyAsync(() -> text);
        }

        @JsonRpcMethod
        public String fail(String text) {
            throw new IllegalStateException("java.lang.IllegalStateException: internal detail " + text);
        }

        @JsonRpcMethod
        public String refuse(int code, String message) {
            throw new JsonRpcException(code, message, List.of(code));
        }
    }

    @BeforeAll
    static void quietFailuresAndWarmUp() {
        EngineLog.quiet();
        Bounded.warmUp(ENGINE, "[123.456e-789]", "{\"jsonrpc\":\"2.0\",\"method\":\"t.echo\",\"params\":[{\"a\":[1.5,null]}],\"id\":1}",
                "[{\"method\":\"t.add\",\"params\":[1,\"x\"],\"id\":2},{\"jsonrpc\":\"2.0\",\"method\":\"t.fail\",\"params\":[\"a\"],\"id\":3}]",
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.later\",\"params\":[\"a\"],\"id\":4}", "{");
    }

    @AfterAll
    static void restoreLogging() {
        EngineLog.restore();
    }

    private static final JsonRpcEngine<PeerConnection> ENGINE = JsonRpcEngine.<PeerConnection>builder()
            .methods(PlainServices.table(new ServiceModel(List.of()), new Service())).build();

    static Stream<Arguments> frame() {
        return Seeds.andJsonTestSuiteWhenFuzzing(
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.add\",\"params\":[1,2],\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.add\",\"params\":{\"a\":1,\"b\":2},\"id\":\"x\"}",
                "{\"params\":[{\"k\":[1.5e3,null,true]}],\"id\":-0,\"method\":\"t.echo\",\"jsonrpc\":\"2.0\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.log\",\"params\":[\"line\"]}",
                "[{\"jsonrpc\":\"2.0\",\"method\":\"t.later\",\"params\":[\"a\"],\"id\":1},"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"t.log\",\"params\":[\"b\"]},"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"t.fail\",\"params\":[\"c\"],\"id\":2}]",
                "{\"method\":\"t.refuse\",\"params\":[7,\"no\"],\"id\":\"1.0\"}",
                "{\"method\":\"t.add\",\"params\":[1,2],\"id\":null}",
                "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":5}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.add\",\"params\":[1,\"2\"],\"id\":3,\"id\":4}");
    }

    @MethodSource
    @DictionaryEntries({"\"jsonrpc\"", "\"2.0\"", "\"method\"", "\"params\"", "\"id\"", "\"result\"", "\"error\"",
            "\"code\"", "\"message\"", "\"data\"", "\"t.add\"", "\"t.echo\"", "\"t.log\"", "\"t.later\"",
            "\"t.fail\"", "\"t.refuse\"", "\"a\"", "\"b\"", "\"rpc.\"", "null", "true", "false", "1e999", "-0",
            "\\u0000", "\\ud800"})
    @FuzzTest(maxDuration = "3m")
    void frame(byte[] bytes) {
        String frame = decodeAsHttpCallsDoes(bytes);
        String answer = Bounded.answer(ENGINE, frame);
        JsonRpcAnswers.assertValid(frame, answer);
    }

    static String decodeAsHttpCallsDoes(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "\u0000";
        }
    }
}
