package io.jsonrpcws.standalone.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.impl.fuzz.JsonRpcAnswers;
import io.jsonrpcws.impl.fuzz.Seeds;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes POSTed to the standalone runtime's real HTTP endpoint (one server on 127.0.0.1 for the class):
 * the answer comes within two seconds with 200 (a JSON body that is a valid JSON-RPC answer, see
 * {@link JsonRpcAnswers}), 204 (no body), 400, 413 or 415; never 500, 503 or 504. The Content-Type is one
 * of eight, chosen by the body's last byte, two of which are not JSON (415).
 */
class EveryHttpBodyIsAnsweredFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final Set<Integer> STATUSES = Set.of(200, 204, 400, 413, 415);
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "Application/JSON;charset=\"UTF-8\"", "application/json;foo=bar", "application/json", "application/json",
            "text/plain", "application/json; charset=iso-8859-1");
    private static final Set<String> NOT_JSON = Set.of("text/plain", "application/json; charset=iso-8859-1");

    private static JsonRpcServer server;
    private static HttpClient client;
    private static URI endpoint;

    @BeforeAll
    static void start() throws Exception {
        server = JsonRpcServer.builder().host("127.0.0.1").port(0)
                .config(RuntimeConfig.builder().build()).beanClasses(FuzzedService.class).start();
        endpoint = server.httpUri().resolve(server.uri().getPath());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(BOUND).build();
        warmUp();
    }

    /**
     * One call without the bound: the first request loads (and, when fuzzing, instruments) the classes on its
     * way, which on a busy machine takes seconds.
     */
    private static void warmUp() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"jsonrpc\":\"2.0\",\"method\":\"t.mirror\",\"params\":"
                        + "[[{\"x\":1,\"y\":2}],{\"a\":1}],\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"t.fail\",\"params\":[\"a\"],\"id\":2}]"))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(1, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Stream<Arguments> body() {
        return Seeds.andJsonTestSuiteWhenFuzzing(
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.add\",\"params\":[1,2],\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.mirror\",\"params\":{\"points\":[{\"x\":1,\"y\":2}],"
                        + "\"scale\":{\"a\":0.5},\"note\":\"n\"},\"id\":\"m\"}",
                "[{\"jsonrpc\":\"2.0\",\"method\":\"t.later\",\"params\":[\"a\"],\"id\":1},"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"t.log\",\"params\":[\"b\"]},"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"t.fail\",\"params\":[\"c\"],\"id\":2}]",
                "{\"method\":\"t.refuse\",\"params\":[7,\"no\"],\"id\":9}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"t.log\",\"params\":[\"line\"]}");
    }

    @MethodSource
    @DictionaryEntries({"\"jsonrpc\"", "\"2.0\"", "\"method\"", "\"params\"", "\"id\"", "\"result\"", "\"error\"",
            "\"t.add\"", "\"t.echo\"", "\"t.log\"", "\"t.later\"", "\"t.mirror\"", "\"t.fail\"", "\"t.refuse\"",
            "\"points\"", "\"scale\"", "\"note\"", "\"x\"", "\"y\"", "null", "true", "-0", "1e999"})
    @FuzzTest(maxDuration = "3m")
    void body(byte[] bytes) throws Exception {
        // Jazzer's SSRF detector (on when fuzzing) reports every connection it was not told about
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(
                (host, port) -> port == server.port() && ("127.0.0.1".equals(host) || "localhost".equals(host)))) {
            post(bytes);
        }
    }

    private static void post(byte[] bytes) throws InterruptedException {
        String contentType = CONTENT_TYPES.get(bytes.length == 0 ? 0 : (bytes[bytes.length - 1] & 0xFF) % CONTENT_TYPES.size());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(BOUND).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> response;
        try {
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError("no answer within " + BOUND.toSeconds() + " s to a POST of "
                    + bytes.length + " bytes (" + contentType + ")", e);
        }
        int status = response.statusCode();
        assertTrue(STATUSES.contains(status), () -> "status " + status + " for " + JsonRpcAnswers.abbreviate(new String(bytes, StandardCharsets.UTF_8)));
        if (status == 200) {
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
            JsonRpcAnswers.assertValid(frameAsHttpCallsSeesIt(bytes), response.body());
        } else if (status == 204) {
            assertEquals("", response.body());
        }
        assertEquals(NOT_JSON.contains(contentType), status == 415, () -> status + " for " + contentType);
    }

    /** The frame the engine is handed: the body as strict UTF-8, or {@code "\u0000"} when it is not UTF-8. */
    private static String frameAsHttpCallsSeesIt(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "\u0000";
        }
    }
}
