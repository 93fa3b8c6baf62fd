package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscription method's request is answered with the subscription's id before any item; the items follow in
 * order as notifications, then a notification says it completed. A failing publisher's end goes through the
 * exception mappers, and an unmapped failure tells nothing of the server.
 */
class SubscriptionItemsFollowTheirIdTest {

    @Test
    void itemsFollowTheAnswerInOrderThenTheEnd() {
        try (JsonRpcServer server = Servers.start(Feeds.class);
             WsClient client = WsClient.connect(server.uri())) {
            for (int round = 0; round < 2; round++) {
                JsonObject answer = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"feed.count\",\"params\":[100],\"id\":7}");
                String id = answer.getString("result");
                assertEquals(7, answer.getInt("id"));
                for (int i = 0; i < 100; i++) {
                    JsonObject item = client.receiveJson().asJsonObject();
                    assertEquals("feed.subscription", item.getString("method"), item.toString());
                    assertFalse(item.containsKey("id"), "a notification: " + item);
                    assertEquals(id, item.getJsonObject("params").getString("subscription"));
                    assertEquals(i, item.getJsonObject("params").getInt("result"));
                }
                JsonObject end = client.receiveJson().asJsonObject();
                assertEquals("{\"subscription\":\"" + id + "\",\"completed\":true}", end.getJsonObject("params").toString());
            }
        }
    }

    @Test
    void failureIsTheLastNotificationMappedAsACallsWouldBe() {
        try (JsonRpcServer server = Servers.start(Feeds.class, Feeds.DriedMapper.class);
             WsClient client = WsClient.connect(server.uri())) {
            String mapped = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"feed.failing\",\"params\":[2,true],\"id\":1}").getString("result");
            assertEquals(0, client.receiveJson().asJsonObject().getJsonObject("params").getInt("result"));
            assertEquals(1, client.receiveJson().asJsonObject().getJsonObject("params").getInt("result"));
            assertEquals("{\"subscription\":\"" + mapped + "\",\"error\":{\"code\":4040,\"message\":\"the feed dried up\",\"data\":[\"dry\"]}}",
                    client.receiveJson().asJsonObject().getJsonObject("params").toString());

            String unmapped = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"feed.failing\",\"params\":[0,false],\"id\":2}").getString("result");
            String end = client.receive();
            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"feed.subscription\",\"params\":{\"subscription\":\""
                    + unmapped + "\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}}", end);
            assertTrue(!end.contains("secret") && !end.contains("IllegalState"), end);
        }
    }
}
