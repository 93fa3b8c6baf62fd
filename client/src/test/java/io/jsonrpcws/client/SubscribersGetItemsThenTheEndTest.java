package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.api.UnusableAnswerException;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code client.subscribe(...)} is a cold publisher: each Flow subscriber gets a server subscription of its own,
 * items bound as strictly as results, then onComplete, or onError with the server's error (code, message, data),
 * the subscribe call's failure, or an item that does not fit; cancel() unsubscribes and the server's publisher is
 * cancelled; names of the service's own are given as options.
 */
class SubscribersGetItemsThenTheEndTest {

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = JsonRpcServer.builder().host("127.0.0.1").port(0)
                .config(RuntimeConfig.builder().set("jsonrpcws.max-subscriptions", "2").build())
                .beanClasses(Feeds.class, Feeds.DriedMapper.class).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Feeds feeds() {
        return server.cdi().select(Feeds.class).get();
    }

    @Test
    void itemsInOrderThenCompletion() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            Flow.Publisher<Integer> numbers = client.subscribe("feed.count", Integer.class, 100);
            Received<Integer> first = Received.all();
            Received<Integer> second = Received.all();
            numbers.subscribe(first);
            numbers.subscribe(second);
            Await.result(first.end);
            Await.result(second.end);
            List<Integer> expected = IntStream.range(0, 100).boxed().collect(Collectors.toList());
            assertEquals(expected, first.items);
            assertEquals(expected, second.items, "each subscriber has a server subscription of its own");
            assertEquals(List.of(), first.misbehaviour);
        }
    }

    @Test
    void itemsWaitForTheSubscribersDemand() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            Received<Integer> received = new Received<>(3);
            client.subscribe("feed.count", Integer.class, 10).subscribe(received);
            Await.until("three items", () -> received.items.size() == 3);
            // the others are here, waiting: one more request at a time
            received.subscription().request(2);
            Await.until("five items", () -> received.items.size() == 5);
            assertTrue(!received.end.isDone());
            received.subscription().request(5);
            Await.result(received.end);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), received.items);
        }
    }

    @Test
    void genericItemsAndNamesOfTheServicesOwn() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            Received<List<Integer>> lists = Received.all();
            client.subscribe("feed.of", new TypeRef<List<Integer>>() {}, List.of(List.of(1, 2), List.of(3)))
                    .subscribe(lists);
            Await.result(lists.end);
            assertEquals(List.of(List.of(1, 2), List.of(3)), lists.items);

            Received<Integer> ticks = Received.all();
            client.subscribe(SubscribeOptions.defaults().notification("feed.tick").unsubscribe("feed.untick"),
                    "feed.ticks", Integer.class, Params.byPosition(3)).subscribe(ticks);
            Await.result(ticks.end);
            assertEquals(List.of(0, 1, 2), ticks.items);
        }
    }

    @Test
    void theServersErrorEndsTheStreamAfterItsItems() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            Received<Integer> received = Received.all();
            client.subscribe("feed.failing", Integer.class, Params.named().with("after", 2)).subscribe(received);
            JsonRpcException e = assertInstanceOf(JsonRpcException.class, Await.failure(received.end));
            assertEquals(4040, e.code());
            assertEquals("the feed dried up", e.getMessage());
            assertEquals(Json.createArrayBuilder().add("dry").build(), e.data());
            assertEquals(List.of(0, 1), received.items);
        }
    }

    @Test
    void anItemThatDoesNotFitEndsTheStreamAndUnsubscribes() throws Exception {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            int before = feeds().made().size();
            Received<Integer> received = new Received<>(3);
            client.subscribe("feed.open", Integer.class, List.of(1, new BigDecimal("2.0"), new BigDecimal("0.25"), 4))
                    .subscribe(received);
            UnusableAnswerException e = assertInstanceOf(UnusableAnswerException.class, Await.failure(received.end));
            assertTrue(e.getMessage().startsWith("an item of feed.open (subscription "), e.getMessage());
            assertTrue(e.getMessage().contains("does not fit java.lang.Integer"), e.getMessage());
            assertTrue(e.getMessage().endsWith("the item was 0.25"), e.getMessage());
            assertEquals(List.of(1, 2), received.items, "2.0 is the whole number 2");
            assertTrue(feeds().made().get(before).cancelled.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS),
                    "the server's publisher was cancelled");
        }
    }

    @Test
    void cancelUnsubscribesAndTheServersPublisherIsCancelled() throws Exception {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            int before = feeds().made().size();
            Received<Integer> received = Received.all();
            client.subscribe("feed.silence", Integer.class).subscribe(received);
            Await.until("the server subscribed", () -> feeds().made().size() > before
                    && feeds().made().get(before).requested.get() > 0);
            received.subscription().cancel();
            assertTrue(feeds().made().get(before).cancelled.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS),
                    "the server's publisher was cancelled");
            assertEquals(1, Await.result(client.call("feed.count", Integer.class, 0).exceptionally(x -> 1)));
            assertTrue(!received.end.isDone(), "a cancelled subscriber is told nothing more");
        }
    }

    @Test
    void aRefusedSubscribeRequestIsTheSubscribersError() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            Received<Integer> a = Received.all();
            Received<Integer> b = Received.all();
            Received<Integer> c = Received.all();
            Flow.Publisher<Integer> silence = client.subscribe("feed.silence", Integer.class);
            // counted from here: the publishers of the class's earlier tests are in the list too
            int before = feeds().made().size();
            silence.subscribe(a);
            silence.subscribe(b);
            Await.until("two subscriptions", () -> feeds().made().stream().skip(before)
                    .filter(p -> p.requested.get() > 0).count() >= 2);
            silence.subscribe(c);
            JsonRpcException e = assertInstanceOf(JsonRpcException.class, Await.failure(c.end));
            assertEquals(-32013, e.code());

            Received<Integer> unknown = Received.all();
            client.subscribe("feed.nothing", Integer.class).subscribe(unknown);
            assertEquals(-32601, assertInstanceOf(JsonRpcException.class, Await.failure(unknown.end)).code());
        }
    }

    @Test
    void closingTheClientEndsItsSubscriptions() {
        Received<Integer> received = Received.all();
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            client.subscribe("feed.silence", Integer.class).subscribe(received);
            received.subscription();
        }
        assertInstanceOf(ConnectionClosedException.class, Await.failure(received.end));
    }

    @Test
    void resumingNeedsParamsByName() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.subscribe(
                    SubscribeOptions.defaults().resume("after", "seq"), "feed.count", Integer.class, Params.byPosition(1)));
            assertTrue(e.getMessage().contains("by name"), e.getMessage());
        }
    }
}
