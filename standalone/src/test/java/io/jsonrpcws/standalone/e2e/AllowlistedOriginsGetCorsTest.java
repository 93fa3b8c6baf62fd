package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * With {@code jsonrpcws.allowed-origins=https://*.example.com,http://localhost:*}, pages of those origins may open
 * WebSockets and POST: a CORS preflight is answered 204 with the allowed method, headers and a max age, and answers
 * carry {@code Access-Control-Allow-Origin} echoing the origin, with {@code Vary: Origin}. Origins the patterns do
 * not match are still refused.
 */
class AllowlistedOriginsGetCorsTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"hi\"],\"id\":1}";

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of("jsonrpcws.allowed-origins", " https://*.example.com , http://localhost:*"),
                EchoService.class);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Map<String, String> from(String origin) {
        return Map.of("Host", "127.0.0.1:" + server.port(), "Origin", origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "https://a.b.example.com", "http://localhost:3000"})
    void handshakeIsAccepted(String origin) throws Exception {
        assertEquals(101, RawHttp.exchange(server, RawHttp.handshake("/jsonrpc", from(origin))).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "http://localhost:3000"})
    void postIsAnsweredWithTheOriginAllowed(String origin) throws Exception {
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.post("/jsonrpc", from(origin), CALL));
        assertEquals(200, response.status());
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}", response.body());
        assertEquals(origin, response.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", response.header("Vary"));
    }

    @Test
    void preflightIsAnswered204() throws Exception {
        String origin = "https://app.example.com";
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.request("OPTIONS", "/jsonrpc", Map.of(
                "Host", "127.0.0.1:" + server.port(), "Origin", origin,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type")));
        assertEquals(204, response.status());
        assertEquals(origin, response.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", response.header("Vary"));
        assertEquals("POST", response.header("Access-Control-Allow-Methods"));
        assertEquals("Content-Type, Authorization", response.header("Access-Control-Allow-Headers"));
        assertEquals("600", response.header("Access-Control-Max-Age"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://app.example.com", "https://example.com.evil.example",
            "http://localhost", "null"})
    void unmatchedOriginsAreRefused(String origin) throws Exception {
        assertEquals(403, RawHttp.exchange(server, RawHttp.handshake("/jsonrpc", from(origin))).status(), origin);
        RawHttp.Response post = RawHttp.exchange(server, RawHttp.post("/jsonrpc", from(origin), CALL));
        assertEquals(403, post.status(), origin);
        assertNull(post.header("Access-Control-Allow-Origin"));
    }
}
