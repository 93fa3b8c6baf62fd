package io.jsonrpcws.cdi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate's policy without a transport: which {@code Host} and {@code Origin} pairs go on, which are refused, what
 * CORS headers an allowed cross origin gets, and the connection cap.
 */
class RequestGateJudgesHostsAndOriginsTest {

    private static RequestGate gate(Map<String, String> settings, boolean loopbackBound, boolean full) {
        RuntimeConfig config = RuntimeConfig.from(key -> Optional.ofNullable(settings.get(key)));
        return new RequestGate(config, loopbackBound, () -> full);
    }

    private static RequestGate.Verdict check(RequestGate gate, String method, String... headers) {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                byName.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
            }
        }
        return gate.check(method, "http", name -> byName.get(name.toLowerCase(Locale.ROOT)));
    }

    @ParameterizedTest(name = "Host {0}, Origin {1}: {2}")
    @CsvSource(nullValues = "NONE", value = {
            "127.0.0.1:8080, NONE, 0",
            "LOCALHOST:8080, http://localhost:8080, 0",
            "localhost, http://localhost:80, 0",
            "localhost:80, http://localhost, 0",
            "[::1]:8080, http://[::1]:8080, 0",
            "127.0.0.1:8080, https://127.0.0.1:8080, 403",
            "127.0.0.1:8080, http://127.0.0.1:8081, 403",
            "127.0.0.1:8080, http://127.0.0.1:8080/page, 403",
            "127.0.0.1:8080, http://user@127.0.0.1:8080, 403",
            "127.0.0.1:8080, http://evil.example, 403",
            "127.0.0.1:8080, null, 403",
            "127.0.0.1:8080, file://, 403",
            "rebind.evil.example:8080, NONE, 403",
            "rebind.evil.example:8080, http://rebind.evil.example:8080, 403",
            "127.0.0.1:99999, NONE, 403",
            "NONE, NONE, 403"})
    void loopbackServerByDefault(String host, String origin, int status) {
        RequestGate.Verdict verdict = check(gate(Map.of(), true, false), "POST", "Host", host, "Origin", origin);
        assertEquals(status == 0, verdict.proceed(), verdict.toString());
        assertEquals(status, verdict.status());
        assertFalse(verdict.headers().containsKey("Access-Control-Allow-Origin"));
    }

    @Test
    void serverNotOnLoopbackTakesAnyHostUnlessTold() {
        RequestGate open = gate(Map.of(), false, false);
        assertTrue(check(open, "POST", "Host", "app.example.com").proceed());
        assertTrue(check(open, "POST", "Host", "app.example.com", "Origin", "http://app.example.com").proceed());
        RequestGate listed = gate(Map.of("jsonrpcws.allowed-hosts", "app.example.com"), false, false);
        assertTrue(check(listed, "POST", "Host", "APP.example.com:443").proceed());
        assertEquals(403, check(listed, "POST", "Host", "localhost").status());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "https://a.example.com, true",
            "https://a.b.example.com, true",
            "https://A.Example.COM, true",
            "https://a.example.com:8443, false",
            "https://example.com, false",
            "http://a.example.com, false",
            "https://evil.com:443.example.com, false",
            "https://evil.com/.example.com, false"})
    void allowlistPatterns(String origin, boolean allowed) {
        RequestGate gate = gate(Map.of("jsonrpcws.allowed-origins", "https://*.example.com"), true, false);
        RequestGate.Verdict verdict = check(gate, "POST", "Host", "localhost:8080", "Origin", origin);
        assertEquals(allowed, verdict.proceed(), verdict.toString());
        if (allowed) {
            assertEquals(origin, verdict.headers().get("Access-Control-Allow-Origin"));
            assertEquals("Origin", verdict.headers().get("Vary"));
        }
    }

    @Test
    void starAllowsEveryOriginNullIncluded() {
        RequestGate gate = gate(Map.of("jsonrpcws.allowed-origins", "*"), true, false);
        assertEquals("null", check(gate, "POST", "Host", "localhost", "Origin", "null").headers()
                .get("Access-Control-Allow-Origin"));
    }

    @Test
    void preflightOfAnAllowedOriginIsAnsweredHere() {
        RequestGate gate = gate(Map.of("jsonrpcws.allowed-origins", "https://*.example.com"), true, false);
        RequestGate.Verdict verdict = check(gate, "OPTIONS", "Host", "localhost:8080",
                "Origin", "https://a.example.com", "Access-Control-Request-Method", "POST");
        assertFalse(verdict.proceed());
        assertEquals(204, verdict.status());
        assertEquals(Map.of("Access-Control-Allow-Origin", "https://a.example.com", "Vary", "Origin",
                "Access-Control-Allow-Methods", "POST", "Access-Control-Allow-Headers", "Content-Type, Authorization",
                "Access-Control-Max-Age", "600"), verdict.headers());
        assertTrue(check(gate, "OPTIONS", "Host", "localhost:8080").proceed(), "an OPTIONS that is no preflight");
    }

    @Test
    void handshakesAreRefused503OnlyWhileFull() {
        RequestGate full = gate(Map.of(), true, true);
        assertEquals(503, check(full, "GET", "Host", "localhost", "Upgrade", "websocket").status());
        assertTrue(check(full, "POST", "Host", "localhost").proceed());
        assertTrue(check(gate(Map.of(), true, false), "GET", "Host", "localhost", "Upgrade", "WebSocket").proceed());
    }
}
