package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.client.JsonRpcClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * {@link ClientConfig} on an injected client gives it handlers (the server's request is answered by them), a
 * timeout, headers and a bearer token; its {@code configure} method hands the builder to the test, here to add a
 * handler object the test keeps. Parameters and fields alike.
 */
@JsonRpcTest(services = InjectedClientsAreConfiguredByAnnotationTest.Caller.class)
class InjectedClientsAreConfiguredByAnnotationTest {

    @JsonRpcService("caller")
    public static class Caller {
        @JsonRpcMethod
        public CompletionStage<String> ask(JsonRpcSession session, String question) {
            return session.request("client.answer", String.class, question);
        }

        @JsonRpcMethod
        public void push(JsonRpcSession session, String text) {
            session.notify("client.news", text);
        }

        @JsonRpcMethod
        public List<String> header(JsonRpcSession session, String name) {
            return session.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).toList();
        }

        @JsonRpcMethod
        public String slow() throws InterruptedException {
            new CountDownLatch(1).await(2, TimeUnit.SECONDS);
            return "slow";
        }
    }

    /** Made by the extension for each client: a static class with a constructor without parameters. */
    @JsonRpcService("client")
    static class Answers {
        @JsonRpcMethod
        public String answer(String question) {
            return "answer to " + question;
        }
    }

    /** Kept by the test, so that it can look at what reached it. */
    @JsonRpcService("client")
    public static class News {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

        @JsonRpcMethod
        public void news(String text) {
            received.add(text);
        }
    }

    private final News news = new News();

    @ClientConfig(configure = "withNews")
    JsonRpcClient newsReader;

    void withNews(JsonRpcClient.Builder builder) {
        builder.handlers(news);
    }

    @Test
    void theServersRequestIsAnsweredByTheConfiguredHandlers(
            @ClientConfig(handlers = Answers.class, timeout = "PT0.5S") JsonRpcClient client) {
        assertEquals("answer to why", Await.result(client.call("caller.ask", String.class, "why")));
        assertEquals(Duration.ofMillis(500), client.defaultTimeout());
        Throwable late = Await.failure(client.call("caller.slow", String.class));
        assertEquals("no answer to caller.slow (id 2) within 500 ms",
                assertInstanceOf(TimeoutException.class, late).getMessage());
    }

    @Test
    void aNotificationReachesTheHandlerThatTheTestKeeps() throws InterruptedException {
        Await.result(newsReader.call("caller.push", Void.class, "hello"));
        assertEquals("hello", news.received.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void headersAndTheBearerTokenGoWithTheHandshake(
            @ClientConfig(headers = "X-Test: one", bearerToken = "t0ken", queue = 0) JsonRpcClient client) {
        assertEquals(List.of("one"), Await.result(client.call("caller.header", List.class, "X-Test")));
        assertEquals(List.of("Bearer t0ken"), Await.result(client.call("caller.header", List.class, "Authorization")));
        assertEquals(0, client.queueBound());
    }

    @Test
    void aClientWithoutTheAnnotationHasTheDefaults(JsonRpcClient client) {
        assertEquals(Duration.ofSeconds(30), client.defaultTimeout());
        assertEquals(1024, client.queueBound());
    }
}
