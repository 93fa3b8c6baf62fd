package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JDK hands a large frame to the client in parts: they are joined into the whole answer, and the whole frames
 * that follow (read in one part each) are not mixed with what was left of it.
 */
class AnswersInManyPartsArriveWholeTest {

    @JsonRpcService("text")
    public static class Text {
        @JsonRpcMethod
        public String made(int length, String unit) {
            return text(length, unit);
        }
    }

    static String text(int length, String unit) {
        StringBuilder b = new StringBuilder(length + unit.length());
        for (int i = 0; b.length() < length; i++) {
            b.append(unit).append(i % 10);
        }
        b.setLength(length);
        return b.toString();
    }

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = JsonRpcServer.builder().host("127.0.0.1").port(0).config(RuntimeConfig.defaults())
                .beanClasses(Text.class).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void largeAndSmallAnswersInTurnAreEachWhole() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            List<CompletionStage<String>> calls = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // large ones in many parts (non-ASCII too: the parts end where the JDK's decoding buffer does)
                int length = i % 2 == 0 ? 300_000 + i : 3 + i;
                String unit = i % 3 == 0 ? "é€\"x" : "ab";
                calls.add(client.call("text.made", String.class, length, unit));
                expected.add(text(length, unit));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertEquals(expected.get(i), Await.result(calls.get(i)), "answer " + i);
            }
        }
    }
}
