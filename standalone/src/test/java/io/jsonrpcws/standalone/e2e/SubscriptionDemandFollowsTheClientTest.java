package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backpressure end to end: a publisher of 10,000 items of 4,000 characters (40 million, over twice what the server
 * queues for one connection before closing it) to a client that stops reading is asked for items only as they leave
 * through the socket; the connection stays open, and once the client reads it gets every item, in order, then the
 * end.
 */
class SubscriptionDemandFollowsTheClientTest {

    private static final int ITEMS = 10_000;
    private static final int SIZE = 4_000;

    @Test
    void aClientThatStopsReadingStopsThePublisher() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class);
             RawWebSocket client = RawWebSocket.connect(server.uri(), 64 * 1024)) {
            client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.pages\",\"params\":[" + ITEMS + "," + SIZE + "],\"id\":1}");
            String id = WsClient.parse(client.readText()).asJsonObject().getString("result");
            Feeds.Numbers publisher = Servers.bean(server, Feeds.class).made().get(0);

            // the client reads nothing now: the demand stops growing once the socket's buffers are full
            long asked = -1;
            long steadySince = System.nanoTime();
            long deadline = System.nanoTime() + Servers.PATIENCE.toNanos();
            while (System.nanoTime() - steadySince < 500_000_000L) {
                assertTrue(System.nanoTime() < deadline, "the demand never settled; it is at " + asked);
                Thread.sleep(50);
                long now = publisher.requested.get();
                if (now != asked) {
                    asked = now;
                    steadySince = System.nanoTime();
                }
            }
            // the kernel's buffers hold some megabytes at most; the server holds 32 items
            assertTrue(asked < 2_000, "the publisher was asked for " + asked + " items while the client read nothing");

            for (int i = 0; i < ITEMS; i++) {
                JsonObject params = WsClient.parse(client.readText()).asJsonObject().getJsonObject("params");
                assertEquals(id, params.getString("subscription"));
                assertEquals(String.format("%0" + SIZE + "d", i), params.getString("result"));
            }
            assertEquals("{\"subscription\":\"" + id + "\",\"completed\":true}",
                    WsClient.parse(client.readText()).asJsonObject().getJsonObject("params").toString());
        }
    }
}
