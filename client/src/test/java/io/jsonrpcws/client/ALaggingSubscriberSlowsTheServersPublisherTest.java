package io.jsonrpcws.client;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demand end to end: a Flow subscriber that requests nothing makes the client stop reading once its subscription
 * holds its bound of items; the socket's buffers fill, and the server's honest publisher of 10,000 items of 4,000
 * characters is asked for a bounded number of them. The whole connection waits meanwhile (a call is not answered).
 * Once the subscriber requests everything, it gets every item in order, then the end.
 */
class ALaggingSubscriberSlowsTheServersPublisherTest {

    private static final int ITEMS = 10_000;
    private static final int SIZE = 4_000;

    @Test
    void aSubscriberThatRequestsNothingStopsThePublisher() throws Exception {
        try (JsonRpcServer server = JsonRpcServer.builder().host("127.0.0.1").port(0).beanClasses(Feeds.class).start();
             JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            Received<String> received = new Received<>(0);
            client.subscribe("feed.pages", String.class, ITEMS, SIZE).subscribe(received);
            Feeds feeds = server.cdi().select(Feeds.class).get();
            Await.until("the server subscribed", () -> !feeds.made().isEmpty());
            Feeds.Items publisher = feeds.made().get(0);

            long asked = -1;
            long steadySince = System.nanoTime();
            long deadline = System.nanoTime() + Await.PATIENCE.toNanos();
            while (System.nanoTime() - steadySince < 1_000_000_000L) {
                assertTrue(System.nanoTime() < deadline, "the demand never settled; it is at " + asked);
                Thread.sleep(50);
                long now = publisher.requested.get();
                if (now != asked) {
                    asked = now;
                    steadySince = System.nanoTime();
                }
            }
            // 256 items held by the client, the server's 32, and what the sockets' buffers hold (some megabytes)
            assertTrue(asked < 2_500, "the publisher was asked for " + asked + " items while the subscriber requested none");
            assertEquals(0, received.items.size());

            CompletionStage<Integer> paused = client.call(Duration.ofMillis(300), "feed.count", Integer.class, 0);
            assertInstanceOf(TimeoutException.class, Await.failure(paused), "the connection waits for the subscriber");

            received.subscription().request(Long.MAX_VALUE);
            Await.result(received.end);
            assertEquals(ITEMS, received.items.size());
            for (int i = 0; i < ITEMS; i++) {
                assertEquals(String.format("%0" + SIZE + "d", i), received.items.get(i));
            }
        }
    }
}
