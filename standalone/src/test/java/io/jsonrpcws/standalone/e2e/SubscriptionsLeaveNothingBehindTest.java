package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten thousand subscribe/unsubscribe cycles and a thousand connections closed under open subscriptions (half with a
 * close frame, half by dropping TCP) leave no
 * subscription behind: every publisher subscribed to is cancelled, and a heap histogram after a full collection counts no
 * subscription object of the server.
 */
class SubscriptionsLeaveNothingBehindTest {

    private static final int CYCLES = 10_000;
    private static final int CONNECTIONS = 1_000;
    private static final String SUBSCRIPTION_CLASS = "io.jsonrpcws.impl.engine.Subscription";

    @Test
    void nothingIsLeftAfterSubscribeUnsubscribeAndCloseCycles() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class)) {
            Feeds feeds = Servers.bean(server, Feeds.class);
            try (WsClient client = WsClient.connect(server.uri())) {
                for (int i = 0; i < CYCLES; i++) {
                    String id = client.resultString("feed.quiet", "[]");
                    assertEquals("true", client.result("feed.unsubscribe", "[\"" + id + "\"]").toString());
                }
            }
            for (int i = 0; i < CONNECTIONS; i++) {
                try (RawWebSocket client = RawWebSocket.connect(server.uri())) {
                    // each beacon's one item says its subscription has started, so every one is open at the close
                    client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.beacon\",\"id\":1}");
                    client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.beacon\",\"id\":2}");
                    for (int read = 0; read < 4; read++) {
                        client.readText();
                    }
                    if (i % 2 == 0) {
                        client.sendClose(1000); // the other half just drop the TCP connection
                    }
                }
            }
            // an unsubscribe may overtake the start of its subscription (it is read once the answer is out, and the
            // start follows the answer): that publisher is never subscribed to. Every beacon was, and all must end.
            long subscribed = feeds.quietSubscribed();
            assertTrue(subscribed >= 2L * CONNECTIONS && subscribed <= CYCLES + 2L * CONNECTIONS, "subscribed: " + subscribed);
            Servers.awaitTrue("every publisher subscribed to is cancelled", () -> feeds.quietCancelled() == subscribed);
            Servers.awaitTrue("no subscription object is left in the heap", () -> LiveHeap.instances(SUBSCRIPTION_CLASS) == 0);
        }
    }
}
