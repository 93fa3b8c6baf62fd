package io.jsonrpcws.it.contracts;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON-RPC over HTTP POST at the WebSocket's path: every JSON-RPC answer is 200 (errors included), a
 * frame that answers nothing 204, another method 405 with {@code Allow: POST}, another media type 415, a
 * body beyond {@code jsonrpcws.max-message-size} (1 MiB by default) 413.
 */
public abstract class HttpPostContract extends JsonRpcTarget {

    /** HTTP/1.1: over plain http the JDK client would otherwise ask each POST to upgrade to h2c. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(RpcClient.PATIENCE).build();

    private HttpResponse<String> post(String contentType, String body) {
        return send(HttpRequest.newBuilder(httpEndpoint()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(RpcClient.PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void callIsAnsweredWith200() {
        HttpResponse<String> response = post("application/json",
                "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.add\",\"params\":[40,2],\"id\":1}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        assertEquals(42, ((JsonObject) RpcClient.parse(response.body())).getInt("result"));
    }

    @Test
    void errorIsAnsweredWith200() {
        HttpResponse<String> response = post("application/json; charset=utf-8",
                "{\"jsonrpc\":\"2.0\",\"method\":\"no.such\",\"id\":1}");
        assertEquals(200, response.statusCode());
        assertEquals(JsonRpcErrorCodes.METHOD_NOT_FOUND,
                ((JsonObject) RpcClient.parse(response.body())).getJsonObject("error").getInt("code"));
    }

    @Test
    void notificationIsAnsweredWith204() {
        HttpResponse<String> response = post("application/json", "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.ping\"}");
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void batchIsAnsweredInOrder() {
        HttpResponse<String> response = post("application/json", "["
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.hello\",\"params\":[\"Eve\"],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.add\",\"params\":{\"a\":1,\"b\":2},\"id\":2}]");
        assertEquals(200, response.statusCode());
        JsonArray answers = (JsonArray) RpcClient.parse(response.body());
        assertEquals(2, answers.size(), response.body());
        assertEquals("Hello, Eve!", answers.getJsonObject(0).getString("result"));
        assertEquals(3, answers.getJsonObject(1).getInt("result"));
    }

    @Test
    void getIsRefusedWith405() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(httpEndpoint()).GET());
        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void otherMediaTypeIsRefusedWith415() {
        HttpResponse<String> response = post("text/plain", "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.ping\"}");
        assertEquals(415, response.statusCode());
    }

    @Test
    void bodyBeyondTheMessageSizeIsRefusedWith413() {
        String name = "x".repeat(1 << 20);
        HttpResponse<String> response = post("application/json",
                "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.hello\",\"params\":[\"" + name + "\"],\"id\":1}");
        assertEquals(413, response.statusCode());
    }

    @Test
    void connectionScopedServiceIsAnErrorOverHttp() {
        HttpResponse<String> response = post("application/json", "{\"jsonrpc\":\"2.0\",\"method\":\"tally.increment\",\"id\":1}");
        assertEquals(200, response.statusCode());
        JsonObject error = ((JsonObject) RpcClient.parse(response.body())).getJsonObject("error");
        assertEquals(JsonRpcErrorCodes.CONTEXT_NOT_ACTIVE, error.getInt("code"), response.body());
    }
}
