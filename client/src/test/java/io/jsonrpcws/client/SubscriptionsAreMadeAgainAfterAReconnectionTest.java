package io.jsonrpcws.client;

import io.jsonrpcws.api.Params;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With reconnect, an open subscription is made again on the new connection after a server's restart on the same
 * port, and the application is told: with the original params ({@code resumed} false: the log's entries come again
 * from the start), or, with {@code resume("after", "seq")}, going on after the last entry received: every entry once,
 * in order, those written while the client was away included.
 */
class SubscriptionsAreMadeAgainAfterAReconnectionTest {

    private static JsonRpcServer start(int port) {
        return JsonRpcServer.builder().host("127.0.0.1").port(port).beanClasses(Tail.class).start();
    }

    private static JsonRpcClient.Builder reconnecting(JsonRpcServer server) {
        return JsonRpcClient.builder(server.uri()).reconnect(new Reconnect(1_000, Duration.ofMillis(20), Duration.ofMillis(200)));
    }

    private static List<Long> seqs(Received<Tail.Entry> received) {
        return received.items.stream().map(Tail.Entry::seq).collect(Collectors.toList());
    }

    @Test
    void aSubscriptionIsMadeAgainWithItsParams() {
        String log = "again";
        Tail.write(log, 3);
        JsonRpcServer first = start(0);
        JsonRpcServer second = null;
        List<Resubscription> events = new CopyOnWriteArrayList<>();
        Received<Tail.Entry> received = Received.all();
        try (JsonRpcClient client = reconnecting(first).connect()) {
            client.subscribe(SubscribeOptions.defaults().onResubscribe(events::add), "log.follow", Tail.Entry.class,
                    Params.named().with("log", log).with("after", 0)).subscribe(received);
            Await.until("three entries", () -> received.items.size() == 3);

            first.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            second = start(first.port());
            Await.until("the subscription is made again", () -> !events.isEmpty() && client.isOpen());
            Tail.write(log, 4);
            Await.until("the fourth entry", () -> {
                List<Long> now = seqs(received); // one snapshot: items keep arriving
                return !now.isEmpty() && now.get(now.size() - 1) == 4;
            });

            List<Long> seqs = seqs(received);
            assertEquals(List.of(1L, 2L, 3L), seqs.subList(0, 3));
            assertEquals(List.of(1L, 2L, 3L, 4L), seqs.subList(seqs.size() - 4, seqs.size()),
                    "the original params again: from the start " + seqs);
            for (Resubscription event : events) {
                assertFalse(event.resumed(), "not resumed: " + events);
                assertTrue(event.attempt() >= 1, "attempts count reconnections: " + events);
            }
            assertFalse(received.end.isDone());
            assertEquals(List.of(), received.misbehaviour);
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    void aResumedSubscriptionGoesOnAfterItsLastItem() {
        String log = "resumed";
        Tail.write(log, 50);
        JsonRpcServer first = start(0);
        JsonRpcServer second = null;
        List<Resubscription> events = new CopyOnWriteArrayList<>();
        Received<Tail.Entry> received = Received.all();
        try (JsonRpcClient client = reconnecting(first).connect()) {
            client.subscribe(SubscribeOptions.defaults().resume("after", "seq").onResubscribe(events::add),
                    "log.follow", Tail.Entry.class, Params.named().with("log", log).with("after", 0)).subscribe(received);
            Await.until("fifty entries", () -> received.items.size() == 50);

            first.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            Tail.write(log, 80); // while the client is away
            second = start(first.port());
            Await.until("the subscription is made again", () -> !events.isEmpty() && client.isOpen());
            Tail.write(log, 100);
            Await.until("a hundred entries", () -> received.items.size() >= 100);

            assertEquals(LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toList()), seqs(received),
                    "no gap, no duplicate");
            assertEquals("entry 77 of resumed", received.items.get(76).text());
            for (Resubscription event : events) {
                assertTrue(event.resumed(), "resumed: " + events);
            }
            assertEquals(List.of(), received.misbehaviour);
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }
}
