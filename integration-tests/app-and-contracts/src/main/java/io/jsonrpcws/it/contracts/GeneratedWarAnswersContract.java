package io.jsonrpcws.it.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR a new user gets from the WAR archetype, built by its integration test, deploys as it is: its service
 * answers at the context root's {@code /jsonrpc}, its page is served with the JavaScript client beside it, and the
 * page finds both through URLs relative to the context root. Target: {@link Wars#generated()}.
 */
public abstract class GeneratedWarAnswersContract extends JsonRpcTarget {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(RpcClient.PATIENCE).build();

    @Test
    void serviceAnswersAtTheContextRoot() {
        assertTrue(endpoint().getPath().endsWith("/todo/jsonrpc"), endpoint().toString());
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertEquals("Hello, Ann!", client.callForObject(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.hello\",\"params\":[\"Ann\"],\"id\":1}").getString("result"));
        }
    }

    @Test
    void pageAndJavaScriptClientAreServedBesideIt() throws Exception {
        HttpResponse<String> script = get("jsonrpcws.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"), script.headers().toString());
        assertTrue(script.body().contains("export class JsonRpcClient"), "the client module");
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("from './jsonrpcws.js'") && page.body().contains("new URL('jsonrpc', location.href)"),
                page.body());
    }

    /** A GET of a path relative to the context root. */
    private HttpResponse<String> get(String relative) throws IOException, InterruptedException {
        URI root = httpEndpoint().resolve(".");
        return HTTP.send(HttpRequest.newBuilder(root.resolve(relative)).timeout(RpcClient.PATIENCE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
