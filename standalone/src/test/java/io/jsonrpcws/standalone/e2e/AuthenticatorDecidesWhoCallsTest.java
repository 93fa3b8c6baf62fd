package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcAuthenticationException;
import io.jsonrpcws.api.JsonRpcAuthenticator;
import io.jsonrpcws.api.JsonRpcCredentials;
import io.jsonrpcws.api.JsonRpcIdentity;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the standalone runtime an application's {@link JsonRpcAuthenticator} bean decides who each connection
 * belongs to, from a bearer token in {@code Authorization} or offered as a {@code jsonrpcws.bearer.} subprotocol;
 * {@code @RolesAllowed} is then enforced per call, a refused handshake's connection is closed with 1008 before
 * any call runs, and a connection whose identity expires is closed with 1008.
 */
class AuthenticatorDecidesWhoCallsTest {

    @JsonRpcService("vault")
    @RolesAllowed("admin")
    public static class Vault {
        @JsonRpcMethod
        public String secret() {
            return "42";
        }

        @PermitAll
        @JsonRpcMethod
        public String whoami(JsonRpcSession session) {
            return session.userPrincipal().map(p -> p.getName()).orElse("anonymous");
        }
    }

    @ApplicationScoped
    public static class Tokens implements JsonRpcAuthenticator {
        @Override
        public Optional<JsonRpcIdentity> authenticate(JsonRpcCredentials credentials) {
            Optional<String> token = credentials.bearerToken();
            if (token.isEmpty()) {
                return Optional.empty();
            }
            switch (token.get()) {
                case "ann-admin":
                    return Optional.of(JsonRpcIdentity.of("ann", Set.of("admin")));
                case "bob-user":
                    return Optional.of(JsonRpcIdentity.of("bob", Set.of("user")));
                case "short-lived":
                    return Optional.of(JsonRpcIdentity.of("cid", Set.of("admin")).expiringAt(Instant.now().plusMillis(400)));
                default:
                    throw new JsonRpcAuthenticationException(401, "invalid token");
            }
        }
    }

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = Servers.start(Vault.class, Tokens.class);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static WsClient as(String token) {
        return WsClient.connect(server.uri(), Map.of("Authorization", List.of("Bearer " + token)));
    }

    private static JsonObject call(WsClient client, String method) {
        return client.call("{\"jsonrpc\":\"2.0\",\"method\":\"vault." + method + "\",\"id\":1}");
    }

    @Test
    void anAdminCallsTheRestrictedMethod() {
        try (WsClient ann = as("ann-admin")) {
            assertEquals("42", call(ann, "secret").getString("result"));
            assertEquals("ann", call(ann, "whoami").getString("result"));
        }
    }

    @Test
    void aUserWithoutTheRoleIsForbiddenAndAnonymousIsNotAuthenticated() {
        try (WsClient bob = as("bob-user"); WsClient nobody = WsClient.connect(server.uri())) {
            assertEquals(-32011, call(bob, "secret").getJsonObject("error").getInt("code"));
            assertEquals(-32010, call(nobody, "secret").getJsonObject("error").getInt("code"));
            assertEquals("anonymous", call(nobody, "whoami").getString("result"));
        }
    }

    @Test
    void anInvalidTokenClosesTheConnectionWith1008() {
        try (WsClient mallory = as("forged")) {
            CloseReason close = mallory.awaitClose();
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, close.getCloseCode());
            assertEquals("invalid token", close.getReasonPhrase());
        }
    }

    @Test
    void aConnectionWhoseIdentityExpiresIsClosedWith1008() {
        try (WsClient cid = as("short-lived")) {
            assertEquals("42", call(cid, "secret").getString("result"));
            CloseReason close = cid.awaitClose();
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, close.getCloseCode());
            assertEquals("identity expired", close.getReasonPhrase());
        }
    }

    @Test
    void aBrowserStyleTokenOfferedAsSubprotocolAuthenticatesAndIsNeverSelected() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("jsonrpc", "jsonrpcws.bearer.ann-admin")
                .buildAsync(server.uri(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        answer.complete(data.toString());
                        return null;
                    }
                }).get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            assertEquals("jsonrpc", ws.getSubprotocol(), "the token is never echoed back");
            ws.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"vault.secret\",\"id\":1}", true);
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"42\",\"id\":1}",
                    answer.get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            ws.abort();
        }
    }
}
