package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A subscribe request the client gave up on, because it timed out or its subscriber cancelled before the answer, is
 * cancelled on the server ({@code $/cancelRequest} with its id), and when the server makes the subscription anyway,
 * the client unsubscribes as soon as the id comes: the server's publisher is cancelled within seconds, not when the
 * connection closes. The server here answers only once it has the cancel, and its own {@code $/cancelRequest} only
 * records it, as a server without cancellation would; the items it sends meanwhile reach no handler of the client.
 */
class SubscriptionsGivenUpLeaveNothingOnTheServerTest {

    /** How soon after the late answer the server's subscription must have ended. */
    private static final Duration SHORTLY = Duration.ofSeconds(5);
    /** How long nothing of it must run to count as ended. */
    private static final Duration SETTLED = Duration.ofSeconds(1);

    /** Subscriptions that answer only after the client has cancelled them, and count the publishers still running. */
    @ApplicationScoped
    @JsonRpcService
    public static class LateFeed {
        final List<Long> cancels = new CopyOnWriteArrayList<>();
        final CountDownLatch cancelled = new CountDownLatch(1);
        final List<Feeds.Items> made = new CopyOnWriteArrayList<>();

        /** Endless numbers, made once the client has sent a cancel. */
        @JsonRpcMethod("late_subscribe")
        public Flow.Publisher<Object> subscribe() throws InterruptedException {
            if (!cancelled.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client sent no $/cancelRequest");
            }
            Feeds.Items items = new Feeds.Items(Integer.MAX_VALUE, 0, List.of(), -3);
            made.add(items);
            return items;
        }

        /** Takes the place of the runtime's cancellation: the call goes on, and answers. */
        @JsonRpcMethod("$/cancelRequest")
        public void cancelRequest(long id) {
            cancels.add(id);
            cancelled.countDown();
        }

        List<Long> cancels() {
            return cancels;
        }

        List<Feeds.Items> made() {
            return made;
        }

        /** Publishers subscribed to by the server and not cancelled. */
        long running() {
            return made.stream().filter(i -> i.subscribed.getCount() == 0 && i.cancelled.getCount() > 0).count();
        }
    }

    /** Takes the server's item notifications that no subscription of the client claims. */
    public static class Stray {
        final AtomicInteger items = new AtomicInteger();

        @JsonRpcMethod("subscription")
        public void item(String subscription, Object result) {
            items.incrementAndGet();
        }
    }

    private static JsonRpcServer start() {
        return JsonRpcServer.builder().host("127.0.0.1").port(0).beanClasses(LateFeed.class).start();
    }

    @Test
    void aSubscribeThatTimedOutIsCancelledThenUnsubscribed() {
        Stray stray = new Stray();
        try (JsonRpcServer server = start();
             JsonRpcClient client = JsonRpcClient.builder(server.uri()).handlers(stray)
                     .defaultTimeout(Duration.ofMillis(300)).connect()) {
            LateFeed feed = server.cdi().select(LateFeed.class).get();
            Received<Integer> received = Received.all();
            client.subscribe("late_subscribe", Integer.class).subscribe(received);

            assertInstanceOf(TimeoutException.class, Await.failure(received.end));
            Await.until("the server has the subscribe call's cancel", () -> !feed.cancels().isEmpty());
            assertEquals(List.of(1L), feed.cancels(), "the cancel names the subscribe call (the client's first id)");
            endsShortly(feed);
            assertEquals(List.of(), received.items);
            assertEquals(0, stray.items.get(), "the items sent before the unsubscribe were dropped");
            assertTrue(client.isOpen());
        }
    }

    @Test
    void aSubscriberThatCancelledBeforeTheAnswerLeavesNothingRunning() {
        Stray stray = new Stray();
        try (JsonRpcServer server = start();
             JsonRpcClient client = JsonRpcClient.builder(server.uri()).handlers(stray).connect()) {
            LateFeed feed = server.cdi().select(LateFeed.class).get();
            Received<Integer> received = Received.all();
            client.subscribe("late_subscribe", Integer.class).subscribe(received);
            received.subscription().cancel();

            Await.until("the server has the subscribe call's cancel", () -> !feed.cancels().isEmpty());
            endsShortly(feed);
            assertEquals(List.of(), received.items);
            assertTrue(!received.end.isDone(), "a cancelled subscriber is told nothing more");
            assertEquals(0, stray.items.get());
        }
    }

    /**
     * The server makes the subscription, and within {@link #SHORTLY} none of it runs, for a whole {@link #SETTLED}, the
     * client still connected. It starts once its answer is with the sender, and is then cancelled by the client's
     * unsubscribe; or the unsubscribe overtakes the server's start (the answer was written before the thread that
     * sent it came back), and it never starts.
     */
    private static void endsShortly(LateFeed feed) {
        Await.until("the server made the subscription", () -> feed.made().size() == 1);
        long deadline = System.nanoTime() + SHORTLY.toNanos();
        long settledSince = System.nanoTime();
        while (System.nanoTime() - settledSince < SETTLED.toNanos()) {
            if (feed.running() > 0) {
                settledSince = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                fail("the server's subscription still runs " + SHORTLY.toSeconds() + " s after it was made");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
