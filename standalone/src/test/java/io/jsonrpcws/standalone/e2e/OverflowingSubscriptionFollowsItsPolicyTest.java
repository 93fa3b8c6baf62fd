package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishers that ignore demand, to a client that does not read: past the subscription's buffer (100 items here),
 * DROP_OLDEST keeps the newest and the server's heap stays bounded (measured), FAIL ends the subscription with
 * -32014, CLOSE closes the connection with 1008.
 */
class OverflowingSubscriptionFollowsItsPolicyTest {

    private static final int FLOOD = 200_000;

    @Test
    void dropOldestKeepsTheNewestAndTheHeapBounded() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class);
             RawWebSocket client = RawWebSocket.connect(server.uri(), 64 * 1024)) {
            Feeds feeds = Servers.bean(server, Feeds.class);
            long before = LiveHeap.bytes();
            // 200,000 items of 1 KB: 200 MB if anything kept them
            client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.flood\",\"params\":[" + FLOOD + ",1000],\"id\":1}");
            String id = WsClient.parse(client.readText()).asJsonObject().getString("result");
            Servers.awaitTrue("the flood has sent everything", () -> feeds.floodsEnded() == 1);
            long retained = LiveHeap.bytes() - before;
            assertTrue(retained < 32L << 20, "the server kept " + (retained >> 20) + " MB of a flood its client does not read");

            int received = 0;
            int last = -1;
            while (true) {
                JsonObject params = WsClient.parse(client.readText()).asJsonObject().getJsonObject("params");
                assertEquals(id, params.getString("subscription"));
                if (params.containsKey("completed")) {
                    break;
                }
                String item = params.getString("result");
                int n = Integer.parseInt(item.substring(0, item.indexOf('x')));
                assertTrue(n > last, "items in order: " + n + " after " + last);
                last = n;
                received++;
            }
            assertEquals(FLOOD - 1, last, "the newest item is kept");
            assertTrue(received < FLOOD, "some items were dropped: " + received);
        }
    }

    @Test
    void failEndsTheSubscriptionWithItsCode() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class);
             RawWebSocket client = RawWebSocket.connect(server.uri(), 64 * 1024)) {
            client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.floodFails\",\"params\":[" + FLOOD + "],\"id\":1}");
            Feeds feeds = Servers.bean(server, Feeds.class);
            Servers.awaitTrue("the flood has ended", () -> feeds.floodsEnded() == 1); // the client reads nothing meanwhile
            String id = WsClient.parse(client.readText()).asJsonObject().getString("result");
            JsonObject params;
            int received = 0;
            do {
                params = WsClient.parse(client.readText()).asJsonObject().getJsonObject("params");
                received++;
            } while (params.containsKey("result"));
            assertEquals("{\"subscription\":\"" + id + "\",\"error\":{\"code\":-32014,\"message\":"
                    + "\"Subscription overflow: the client did not keep up\"}}", params.toString());
            assertTrue(received < FLOOD, "it ended early: " + received);
            client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.plain\",\"id\":2}");
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":2}", client.readText(), "the connection goes on, nothing else came");
        }
    }

    @Test
    void closeClosesTheConnectionWith1008() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class);
             RawWebSocket client = RawWebSocket.connect(server.uri(), 64 * 1024)) {
            client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.floodCloses\",\"params\":[" + FLOOD + "],\"id\":1}");
            Feeds feeds = Servers.bean(server, Feeds.class);
            Servers.awaitTrue("the flood has ended", () -> feeds.floodsEnded() == 1); // the client reads nothing meanwhile
            RawWebSocket.Frame close = client.readUntilClose(FLOOD + 2);
            assertTrue(close != null && close.payload().length >= 2, "a close frame: " + RawWebSocket.describe(close));
            assertEquals(1008, ByteBuffer.wrap(close.payload()).getShort() & 0xFFFF);
        }
    }
}
