package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unsubscribing answers {@code true} and cancels the publisher, and no item follows the answer; an id the
 * connection does not have answers {@code false}, another connection's included. Beyond
 * {@code jsonrpcws.max-subscriptions} a subscription is refused with -32013; over HTTP, with -32001.
 */
class UnsubscribeCancelsThePublisherTest {

    @Test
    void unsubscribeCancelsAndNothingFollowsItsAnswer() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class);
             WsClient client = WsClient.connect(server.uri());
             WsClient other = WsClient.connect(server.uri())) {
            String id = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"feed.count\",\"params\":[2147483647],\"id\":1}").getString("result");
            for (int i = 0; i < 10; i++) {
                assertEquals(i, client.receiveJson().asJsonObject().getJsonObject("params").getInt("result"));
            }
            assertEquals("false", other.result("feed.unsubscribe", "[\"" + id + "\"]").toString(), "another connection's id");
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"feed.unsubscribe\",\"params\":{\"subscription\":\"" + id + "\"},\"id\":2}");
            JsonObject answer;
            int expected = 10;
            while (!(answer = client.receiveJson().asJsonObject()).containsKey("id")) {
                assertEquals(expected++, answer.getJsonObject("params").getInt("result"), "items before the answer, in order");
            }
            assertEquals("true", answer.get("result").toString(), answer.toString());
            Feeds feeds = Servers.bean(server, Feeds.class);
            assertTrue(feeds.made().get(0).cancelled.await(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the publisher was not cancelled");
            // the next message is the next answer: no item came after the unsubscribe's
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":false,\"id\":3}",
                    client.call("{\"jsonrpc\":\"2.0\",\"method\":\"feed.unsubscribe\",\"params\":[\"" + id + "\"],\"id\":3}").toString());
        }
    }

    @Test
    void subscriptionsBeyondTheLimitAreRefusedUntilOneEnds() {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.max-subscriptions", "3"), Feeds.class);
             WsClient client = WsClient.connect(server.uri())) {
            String first = client.resultString("feed.silence", "[]");
            client.resultString("feed.silence", "[]");
            client.resultString("feed.silence", "[]");
            JsonObject refused = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"feed.silence\",\"id\":4}");
            assertEquals("{\"code\":-32013,\"message\":\"Too many subscriptions on this connection\"}",
                    refused.getJsonObject("error").toString(), refused.toString());
            assertEquals("true", client.result("feed.unsubscribe", "[\"" + first + "\"]").toString());
            client.resultString("feed.silence", "[]");
        }
    }

    @Test
    void overHttpASubscriptionNeedsAConnection() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/jsonrpc"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"feed.count\",\"params\":[3],\"id\":1}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"a subscription needs a WebSocket "
                    + "connection to send its items on\"},\"id\":1}", response.body());
        }
    }
}
