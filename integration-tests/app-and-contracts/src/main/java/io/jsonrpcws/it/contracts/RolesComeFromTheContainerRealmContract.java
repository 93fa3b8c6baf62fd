package io.jsonrpcws.it.contracts;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.it.app.Clubhouse;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @RolesAllowed} with the container's own realm and security constraint ({@link Wars#clubhouse()}): the
 * endpoint's path is for authenticated users (BASIC), and the realm holds {@link #ALICE}, who has the role
 * {@code member}, and {@link #BOB}, who has only another one. Over WebSocket (credentials on the handshake) and over
 * HTTP POST alike: alice is let into {@link Clubhouse}'s lounge and bob is answered -32011, nobody opens the vault
 * ({@code @DenyAll}), the service sees the caller's name, and a caller without valid credentials is refused by the
 * container with 401 before anything of the application runs.
 */
public abstract class RolesComeFromTheContainerRealmContract extends JsonRpcTarget {

    /** A user of the container's realm, and the password it knows them by. */
    public record User(String name, String password) {

        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** In the realm with the group (WildFly: the role) {@code member}. */
    public static final User ALICE = new User("alice", "alice-secret");

    /** In the realm with the group (WildFly: the role) {@code guest} only. */
    public static final User BOB = new User("bob", "bob-secret");

    /** HTTP/1.1: over plain http the JDK client would otherwise ask each POST to upgrade to h2c. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(RpcClient.PATIENCE).build();

    private static String call(String method) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"club." + method + "\",\"id\":1}";
    }

    private RpcClient connect(User user) {
        return RpcClient.connect(endpoint(), Map.of("Authorization", user.authorization()));
    }

    private HttpResponse<String> post(Map<String, String> headers, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(httpEndpoint()).timeout(RpcClient.PATIENCE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call(method)));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON-RPC answer to a POST of the call as the user; the POST itself must be answered 200. */
    private JsonObject post(User user, String method) {
        HttpResponse<String> response = post(Map.of("Authorization", user.authorization()), method);
        assertEquals(200, response.statusCode(), user.name() + " " + method + ": " + response.body());
        return (JsonObject) RpcClient.parse(response.body());
    }

    private static void assertResult(String expected, JsonObject answer) {
        assertEquals(expected, answer.getString("result", null), answer.toString());
    }

    private static void assertForbidden(JsonObject answer) {
        JsonObject error = answer.getJsonObject("error");
        assertTrue(error != null, answer::toString);
        assertEquals(JsonRpcErrorCodes.FORBIDDEN, error.getInt("code"), answer.toString());
        assertEquals("Forbidden", error.getString("message"), answer.toString());
    }

    /** The status of a WebSocket handshake that the server refuses. */
    private int refusedHandshake(Map<String, String> headers) {
        CompletionException refused = assertThrows(CompletionException.class,
                () -> RpcClient.connect(endpoint(), headers).close());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        return handshake.getResponse().statusCode();
    }

    @Test
    void memberIsLetInOverWebSocket() {
        try (RpcClient alice = connect(ALICE)) {
            assertResult("welcome, alice", alice.callForObject(call("lounge")));
            assertResult("alice", alice.callForObject(call("whoami")));
        }
    }

    @Test
    void memberIsLetInOverHttp() {
        assertResult("welcome, alice", post(ALICE, "lounge"));
        assertResult("alice", post(ALICE, "whoami"));
    }

    @Test
    void userWithoutTheRoleIsForbiddenOverWebSocket() {
        try (RpcClient bob = connect(BOB)) {
            assertForbidden(bob.callForObject(call("lounge")));
            assertResult("bob", bob.callForObject(call("whoami")));
        }
    }

    @Test
    void userWithoutTheRoleIsForbiddenOverHttp() {
        assertForbidden(post(BOB, "lounge"));
        assertResult("bob", post(BOB, "whoami"));
    }

    @Test
    void denyAllIsForbiddenToEveryone() {
        for (User user : new User[]{ALICE, BOB}) {
            try (RpcClient client = connect(user)) {
                assertForbidden(client.callForObject(call("vault")));
            }
            assertForbidden(post(user, "vault"));
        }
    }

    @Test
    void anonymousCallerIsRefusedWith401() {
        assertEquals(401, refusedHandshake(Map.of()));
        HttpResponse<String> response = post(Map.of(), "whoami");
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").toLowerCase(Locale.ROOT)
                .startsWith("basic"), response.headers().toString());
    }

    @Test
    void wrongPasswordIsRefusedWith401() {
        User impostor = new User(ALICE.name(), "not-" + ALICE.password());
        assertEquals(401, refusedHandshake(Map.of("Authorization", impostor.authorization())));
        assertEquals(401, post(Map.of("Authorization", impostor.authorization()), "whoami").statusCode());
    }
}
