package io.jsonrpcws.testkit;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The server's services call the client over its session: notifications reach the client's handlers,
 * requests are answered by them (typed proxies too), a late answer after the server's timeout is dropped, and
 * a request pending when the client disconnects fails with ConnectionClosedException.
 */
@JsonRpcTest(services = {ServerCallsTheClientTest.Caller.class, ServerCallsTheClientTest.Pending.class})
class ServerCallsTheClientTest {

    /** The client's methods, as the server sees them. */
    @JsonRpcService("client")
    public interface ClientApi {
        @JsonRpcMethod
        CompletionStage<Integer> sum(int a, int b);
    }

    /** What the server's requests left pending, for the test to look at. */
    @ApplicationScoped
    public static class Pending {
        private final CompletableFuture<CompletionStage<String>> request = new CompletableFuture<>();

        public void keep(CompletionStage<String> stage) {
            request.complete(stage);
        }

        public CompletionStage<String> request() {
            return Await.result(request);
        }
    }

    @JsonRpcService("caller")
    public static class Caller {
        @Inject
        Pending pending;

        @JsonRpcMethod
        public void push(JsonRpcSession session, String text) {
            session.notify("client.news", text);
        }

        @JsonRpcMethod
        public CompletionStage<String> ask(JsonRpcSession session, String question) {
            return session.request("client.answer", String.class, question);
        }

        @JsonRpcMethod
        public CompletionStage<Integer> sum(JsonRpcSession session, int a, int b) {
            return session.remote(ClientApi.class).sum(a, b);
        }

        @JsonRpcMethod
        public CompletionStage<String> askBriefly(JsonRpcSession session) {
            return session.<String>request(Duration.ofMillis(200), "client.slow", String.class)
                    .exceptionally(failure -> failure instanceof TimeoutException ? "timed out" : "failed: " + failure);
        }

        @JsonRpcMethod
        public void askAndKeep(JsonRpcSession session) {
            pending.keep(session.request("client.slow", String.class));
        }
    }

    /** The client's handlers of the server's calls. */
    @JsonRpcService("client")
    public static class Handlers {
        final LinkedBlockingQueue<String> news = new LinkedBlockingQueue<>();
        final CountDownLatch release = new CountDownLatch(1);

        @JsonRpcMethod
        public void news(String text) {
            news.add(text);
        }

        @JsonRpcMethod
        public String answer(String question) {
            return "answer to " + question;
        }

        @JsonRpcMethod
        public int sum(int a, int b) {
            return a + b;
        }

        @JsonRpcMethod
        public String slow() throws InterruptedException {
            release.await(30, TimeUnit.SECONDS);
            return "slow answer";
        }
    }

    @Test
    void aNotificationReachesTheClientsHandler(URI uri) throws InterruptedException {
        Handlers handlers = new Handlers();
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(handlers).connect()) {
            Await.result(client.call("caller.push", Void.class, "hello"));
            assertEquals("hello", handlers.news.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aRequestIsAnsweredByTheClientsHandler(URI uri) {
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(new Handlers()).connect()) {
            assertEquals("answer to why", Await.result(client.call("caller.ask", String.class, "why")));
        }
    }

    @Test
    void aTypedProxyOfTheClientGetsItsAnswer(URI uri) {
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(new Handlers()).connect()) {
            assertEquals(42, Await.result(client.call("caller.sum", Integer.class, 40, 2)));
        }
    }

    @Test
    void anAnswerAfterTheServersTimeoutIsDropped(URI uri) {
        Handlers handlers = new Handlers();
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(handlers).connect()) {
            assertEquals("timed out", Await.result(client.call("caller.askBriefly", String.class)));

            handlers.release.countDown();
            // the late answer reaches the server, which has forgotten the request; the connection carries on
            assertEquals("answer to still", Await.result(client.call("caller.ask", String.class, "still")));
        }
    }

    @Test
    void aPendingRequestFailsWhenTheClientDisconnects(URI uri, JsonRpcServer server) {
        Handlers handlers = new Handlers();
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(handlers).connect()) {
            Await.result(client.call("caller.askAndKeep", Void.class));
        }
        CompletionStage<String> pending = server.cdi().select(Pending.class).get().request();
        assertInstanceOf(ConnectionClosedException.class, Await.failure(pending));
        handlers.release.countDown();
    }
}
