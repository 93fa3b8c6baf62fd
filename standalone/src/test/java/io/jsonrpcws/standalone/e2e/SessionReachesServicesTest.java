package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The caller's connection reaches an application-scoped service: injected as {@link JsonRpcSession}, and
 * as {@code JsonRpcSession} or {@code jakarta.websocket.Session} parameters, with the handshake's headers
 * and query, and properties that last as long as the connection.
 */
class SessionReachesServicesTest {

    @JsonRpcService("probe")
    public static class Probe {
        @Inject
        JsonRpcSession session;

        @JsonRpcMethod
        public String injectedId() {
            return session.id();
        }

        @JsonRpcMethod
        public String parameterId(JsonRpcSession caller) {
            return caller.id();
        }

        @JsonRpcMethod
        public String webSocketId(Session webSocket) {
            return webSocket.getId();
        }

        @JsonRpcMethod
        public List<String> header(String name) {
            return session.headers().getOrDefault(name, List.of());
        }

        @JsonRpcMethod
        public List<String> query(JsonRpcSession caller, String name) {
            return caller.queryParameters().getOrDefault(name, List.of());
        }

        @JsonRpcMethod
        public void put(String key, String value) {
            session.properties().put(key, value);
        }

        @JsonRpcMethod
        public String get(String key) {
            return (String) session.properties().get(key);
        }
    }

    @Test
    void eachCallSeesItsOwnConnection() {
        try (JsonRpcServer server = Servers.start(Probe.class)) {
            URI withQuery = URI.create(server.uri() + "?room=blue&tag=a&tag=b");
            try (WsClient first = WsClient.connect(withQuery, Map.of("X-Tenant", List.of("acme")));
                 WsClient second = WsClient.connect(server.uri())) {
                String firstId = first.resultString("probe.injectedId", "[]");
                assertEquals(firstId, first.resultString("probe.injectedId", "[]"), "one connection, one session");
                assertEquals(firstId, first.resultString("probe.parameterId", "[]"));
                assertEquals(firstId, first.resultString("probe.webSocketId", "[]"));

                String secondId = second.resultString("probe.injectedId", "[]");
                assertNotEquals(firstId, secondId);
                assertEquals(secondId, second.resultString("probe.parameterId", "[]"));
                assertEquals(secondId, second.resultString("probe.webSocketId", "[]"));

                assertEquals(WsClient.parse("[\"acme\"]"), first.result("probe.header", "[\"x-tenant\"]"),
                        "header names are lower case");
                assertEquals(WsClient.parse("[]"), second.result("probe.header", "[\"x-tenant\"]"));
                assertEquals(WsClient.parse("[\"blue\"]"), first.result("probe.query", "[\"room\"]"));
                assertEquals(WsClient.parse("[\"a\",\"b\"]"), first.result("probe.query", "[\"tag\"]"));
                assertEquals(WsClient.parse("[]"), second.result("probe.query", "[\"room\"]"));

                first.result("probe.put", "[\"colour\",\"red\"]");
                second.result("probe.put", "[\"colour\",\"green\"]");
                assertEquals("red", first.resultString("probe.get", "[\"colour\"]"));
                assertEquals("green", second.resultString("probe.get", "[\"colour\"]"));
            }
            try (WsClient third = WsClient.connect(server.uri())) {
                assertEquals(JsonValue.NULL, third.result("probe.get", "[\"colour\"]"), "a new connection starts empty");
            }
        }
    }
}
