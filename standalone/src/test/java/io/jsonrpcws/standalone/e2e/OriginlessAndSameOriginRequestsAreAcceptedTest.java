package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Requests without {@code Origin} (no browser page: curl, services, the Java client) and requests from the
 * endpoint's own origin (its scheme, host and port) are accepted over WebSocket and HTTP, without CORS headers.
 */
class OriginlessAndSameOriginRequestsAreAcceptedTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"hi\"],\"id\":1}";

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = Servers.start(EchoService.class);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** {@code NONE}: no Origin; otherwise the Host and Origin's host, with PORT for the server's port. */
    private static Map<String, String> headers(String host) {
        Map<String, String> headers = new HashMap<>();
        if (host.equals("NONE")) {
            headers.put("Host", "127.0.0.1:" + server.port());
        } else {
            String h = host.replace("PORT", String.valueOf(server.port()));
            headers.put("Host", h);
            headers.put("Origin", "http://" + h);
        }
        return headers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "127.0.0.1:PORT", "localhost:PORT", "[::1]:PORT"})
    void handshakeIsAccepted(String host) throws Exception {
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.handshake("/jsonrpc", headers(host)));
        assertEquals(101, response.status(), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "127.0.0.1:PORT", "localhost:PORT", "[::1]:PORT"})
    void postIsAnswered(String host) throws Exception {
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.post("/jsonrpc", headers(host), CALL));
        assertEquals(200, response.status(), host);
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}", response.body());
        assertNull(response.header("Access-Control-Allow-Origin"));
    }
}
