package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.JsonRpcSessions;
import io.jsonrpcws.api.NamedParams;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.client.Batch;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Params} by name go both ways between the server and the Java client: the server's notifications,
 * requests, typed {@link NamedParams} proxies and broadcasts reach the client's handlers bound by name (their
 * parameters are declared in another order than sent, so binding by position would fail), and the client's
 * calls, notifications and batch members by name reach the server's methods.
 */
@JsonRpcTest(services = CallsByNameBothWaysTest.Feed.class)
class CallsByNameBothWaysTest {

    /** The client's methods, as the server calls them. */
    @JsonRpcService("client")
    public interface ClientApi {
        @JsonRpcMethod
        @NamedParams
        CompletionStage<String> confirm(String topic, int count);
    }

    @JsonRpcService("feed")
    public static class Feed {
        @Inject
        JsonRpcSessions sessions;

        private final LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();

        /** The next notification {@code tell} heard, waiting for it; a method, as the test holds a client proxy. */
        public String nextHeard() throws InterruptedException {
            return heard.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        @JsonRpcMethod
        public CompletionStage<String> subscribe(JsonRpcSession caller, String topic) {
            caller.notify("client.update", Params.named().with("subscription", topic).with("result", 7));
            return caller.request("client.confirm", String.class, Params.named().with("topic", topic).with("count", 2));
        }

        @JsonRpcMethod
        public CompletionStage<String> viaProxy(JsonRpcSession caller, String topic) {
            return caller.remote(ClientApi.class).confirm(topic, 3);
        }

        @JsonRpcMethod
        public int publish(String topic) {
            return sessions.broadcast("client.update", Params.named().with("result", 9).with("subscription", topic));
        }

        @JsonRpcMethod
        public String describe(String a, int b) {
            return a + b;
        }

        @JsonRpcMethod
        public void tell(String a, int b) {
            heard.add(a + b);
        }
    }

    /** The client's handlers; their parameters are in another order than the server sends them. */
    public static class Handlers {
        final LinkedBlockingQueue<String> updates = new LinkedBlockingQueue<>();

        @JsonRpcMethod("client.update")
        public void update(int result, String subscription) {
            updates.add(subscription + "=" + result);
        }

        @JsonRpcMethod("client.confirm")
        public String confirm(int count, String topic) {
            return count + " x " + topic;
        }
    }

    @Test
    void theServerCallsTheClientByName(URI uri) throws InterruptedException {
        Handlers handlers = new Handlers();
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(handlers).connect()) {
            assertEquals("2 x news", Await.result(client.call("feed.subscribe", String.class, "news")));
            assertEquals("news=7", handlers.updates.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals("3 x sport", Await.result(client.call("feed.viaProxy", String.class, "sport")));
            assertEquals(1, Await.result(client.call("feed.publish", Integer.class, "all")));
            assertEquals("all=9", handlers.updates.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void theClientCallsTheServerByName(URI uri, JsonRpcServer server) throws InterruptedException {
        try (JsonRpcClient client = JsonRpcClient.builder(uri).connect()) {
            assertEquals("x2", Await.result(client.call("feed.describe", String.class, Params.named().with("b", 2).with("a", "x"))));
            client.notify("feed.tell", Params.named().with("b", 3).with("a", "y"));
            Batch batch = client.batch();
            CompletionStage<String> described = batch.call("feed.describe", String.class, Params.named().with("b", 4).with("a", "z"));
            batch.notify("feed.tell", Params.named().with("b", 5).with("a", "w")).send();
            assertEquals("z4", Await.result(described));
            Feed feed = server.cdi().select(Feed.class).get();
            // two frames' notifications: they may run in either order (calls of a connection are not in order)
            List<String> heard = java.util.Arrays.asList(feed.nextHeard(), feed.nextHeard());
            heard.sort(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
            assertEquals(List.of("w5", "y3"), heard);
        }
    }
}
