package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * By default a page of another origin can neither open a WebSocket to the endpoint nor POST to it: 403 for a
 * foreign site, for {@code null} (files, sandboxed frames), for {@code file://}, and for the server's own host on
 * another port or scheme; no call runs, and no CORS header is given.
 */
class ForeignOriginsAreRefused403Test {

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = Servers.start(SlowService.class);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Map<String, String> headers(String origin) {
        String self = "127.0.0.1:" + server.port();
        return Map.of("Host", self, "Origin", origin.replace("SELF", self).replace("OTHERPORT", "127.0.0.1:1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "null", "file://", "http://OTHERPORT", "https://SELF"})
    void handshakeIsRefused(String origin) throws Exception {
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.handshake("/jsonrpc", headers(origin)));
        assertEquals(403, response.status(), origin);
        assertNull(response.header("Access-Control-Allow-Origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "null", "file://", "http://OTHERPORT", "https://SELF"})
    void postIsRefusedAndRunsNoCall(String origin) throws Exception {
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.post("/jsonrpc", headers(origin),
                SlowService.call(2000, 1)));
        assertEquals(403, response.status(), origin);
        assertNull(response.header("Access-Control-Allow-Origin"));
        assertEquals(0, Servers.bean(server, SlowService.class).sleeping(), "a refused call ran");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "null"})
    void preflightIsRefused(String origin) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(headers(origin));
        headers.put("Access-Control-Request-Method", "POST");
        RawHttp.Response response = RawHttp.exchange(server, RawHttp.request("OPTIONS", "/jsonrpc", headers));
        assertEquals(403, response.status(), origin);
        assertNull(response.header("Access-Control-Allow-Origin"));
    }
}
