package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.SessionOpened;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP POSTs pass the gate WebSocket connections pass: the application's authenticator decides the caller (401
 * with {@code WWW-Authenticate: Bearer} when it refuses), {@code @RolesAllowed} is enforced on the caller's roles,
 * and a {@code SessionOpened} observer that refuses a caller refuses its HTTP calls with 403 too.
 */
class HttpCallsPassTheSameGateTest {

    /** Refuses every caller that says it is blocked, over WebSocket and HTTP alike. */
    @ApplicationScoped
    public static class Bouncer {
        void opened(@Observes SessionOpened event) {
            if (event.session().headers().containsKey("x-blocked")) {
                event.refuse("blocked");
            }
        }
    }

    private static JsonRpcServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = Servers.start(AuthenticatorDecidesWhoCallsTest.Vault.class, AuthenticatorDecidesWhoCallsTest.Tokens.class,
                Bouncer.class);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> post(String method, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/jsonrpc"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"vault." + method + "\",\"id\":1}"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTokenDecidesWhoCallsOverHttp() throws Exception {
        HttpResponse<String> ann = post("secret", "Authorization", "Bearer ann-admin");
        assertEquals(200, ann.statusCode());
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"42\",\"id\":1}", ann.body());
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"ann\",\"id\":1}", post("whoami", "Authorization", "Bearer ann-admin").body());
        assertTrue(post("secret", "Authorization", "Bearer bob-user").body().contains("-32011"));
        assertTrue(post("secret").body().contains("-32010"));
    }

    @Test
    void aRefusedTokenIs401() throws Exception {
        HttpResponse<String> forged = post("secret", "Authorization", "Bearer forged");
        assertEquals(401, forged.statusCode());
        assertEquals("Bearer", forged.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aCallerRefusedBySessionOpenedIsRefusedOnBothTransports() throws Exception {
        assertEquals(403, post("whoami", "X-Blocked", "yes").statusCode());
        assertEquals(200, post("whoami").statusCode());
        try (WsClient blocked = WsClient.connect(server.uri(), Map.of("X-Blocked", List.of("yes")))) {
            CloseReason close = blocked.awaitClose();
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, close.getCloseCode());
            assertEquals("blocked", close.getReasonPhrase());
        }
    }
}
