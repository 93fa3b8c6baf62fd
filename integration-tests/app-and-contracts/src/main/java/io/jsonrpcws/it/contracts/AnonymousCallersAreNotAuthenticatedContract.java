package io.jsonrpcws.it.contracts;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.it.app.Clubhouse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Callers without a user, on an endpoint that no security constraint covers ({@link Wars#openClubhouse()}): the
 * method of {@link Clubhouse} for members answers -32010 ("Not authenticated"), the one open to everyone runs and sees
 * no user, the one open to no one answers -32011; over WebSocket and HTTP POST alike.
 */
public abstract class AnonymousCallersAreNotAuthenticatedContract extends JsonRpcTarget {

    /** HTTP/1.1: over plain http the JDK client would otherwise ask each POST to upgrade to h2c. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(RpcClient.PATIENCE).build();

    private static String call(String method) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"club." + method + "\",\"id\":1}";
    }

    private JsonObject post(String method) {
        HttpRequest request = HttpRequest.newBuilder(httpEndpoint()).timeout(RpcClient.PATIENCE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call(method)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), method + ": " + response.body());
            return (JsonObject) RpcClient.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(int code, String message, JsonObject answer) {
        JsonObject error = answer.getJsonObject("error");
        assertEquals(code, error == null ? null : error.getInt("code"), answer.toString());
        assertEquals(message, error.getString("message"), answer.toString());
    }

    @Test
    void restrictedMethodIsNotAuthenticatedOverWebSocket() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertError(JsonRpcErrorCodes.NOT_AUTHENTICATED, "Not authenticated", client.callForObject(call("lounge")));
        }
    }

    @Test
    void restrictedMethodIsNotAuthenticatedOverHttp() {
        assertError(JsonRpcErrorCodes.NOT_AUTHENTICATED, "Not authenticated", post("lounge"));
    }

    @Test
    void openMethodRunsWithoutAUser() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertEquals(JsonValue.NULL, client.callForObject(call("whoami")).get("result"));
        }
        assertEquals(JsonValue.NULL, post("whoami").get("result"));
    }

    @Test
    void denyAllIsForbidden() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertError(JsonRpcErrorCodes.FORBIDDEN, "Forbidden", client.callForObject(call("vault")));
        }
        assertError(JsonRpcErrorCodes.FORBIDDEN, "Forbidden", post("vault"));
    }
}
