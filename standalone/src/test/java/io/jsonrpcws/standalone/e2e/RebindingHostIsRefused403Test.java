package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a server bound to 127.0.0.1, a request naming another host is refused with 403, whatever its origin: a page of
 * {@code rebind.evil.example}, a name pointed at 127.0.0.1 after the page loaded, is same-origin with itself, and
 * only the {@code Host} header tells it apart. The loopback names are accepted with any port.
 */
class RebindingHostIsRefused403Test {

    private static final String REBOUND = "rebind.evil.example";

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = Servers.start(EchoService.class);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"hi\"],\"id\":1}";

    @Test
    void handshakeToTheRebindingNameIsRefused() throws Exception {
        String host = REBOUND + ":" + server.port();
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.handshake("/jsonrpc",
                Map.of("Host", host, "Origin", "http://" + host)));
        assertEquals(403, response.status());
    }

    @Test
    void postToTheRebindingNameIsRefused() throws Exception {
        String host = REBOUND + ":" + server.port();
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.post("/jsonrpc",
                Map.of("Host", host, "Origin", "http://" + host), CALL));
        assertEquals(403, response.status());
    }

    @Test
    void postWithoutOriginToTheRebindingNameIsRefused() throws Exception {
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.post("/jsonrpc", Map.of("Host", REBOUND), CALL));
        assertEquals(403, response.status());
    }

    @Test
    void staticFileUnderTheRebindingNameIsRefused() throws Exception {
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.request("GET", "/jsonrpcws.js",
                Map.of("Host", REBOUND + ":" + server.port())));
        assertEquals(403, response.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:PORT", "127.0.0.1:PORT", "[::1]:PORT", "LOCALHOST:1"})
    void loopbackNamesAreAccepted(String name) throws Exception {
        String host = name.replace("PORT", String.valueOf(server.port()));
        RawHttp.Response handshake = RawHttp.exchange(server, RawHttp.handshake("/jsonrpc", Map.of("Host", host)));
        assertEquals(101, handshake.status(), host);
        RawHttp.Response post = RawHttp.exchange(server, RawHttp.post("/jsonrpc", Map.of("Host", host), CALL));
        assertEquals(200, post.status(), host);
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}", post.body());
    }
}
