package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code $/cancelRequest {"id": ...}}, the notification LSP clients send, cancels a running call: a blocking method's
 * thread is interrupted, an asynchronous method's stage is cancelled, and either call is answered -32800 "Request
 * cancelled". A cancel for an id that is not running is ignored without a word.
 */
class CancelledCallsAreAnsweredCancelledTest {

    @JsonRpcService("work")
    public static class Work {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final CompletableFuture<String> pending = new CompletableFuture<>();

        @JsonRpcMethod
        public String block() {
            entered.countDown();
            try {
                Thread.sleep(Servers.PATIENCE.toMillis());
                return "slept";
            } catch (InterruptedException e) {
                interrupted.countDown();
                return "woken";
            }
        }

        final AtomicInteger laterCalls = new AtomicInteger();

        @JsonRpcMethod
        public CompletionStage<String> later() {
            laterCalls.incrementAndGet();
            return pending;
        }

        int laterCalls() {
            return laterCalls.get();
        }

        @JsonRpcMethod
        public int plain() {
            return 1;
        }

        CountDownLatch entered() {
            return entered;
        }

        CountDownLatch interrupted() {
            return interrupted;
        }

        CompletableFuture<String> pending() {
            return pending;
        }
    }

    @Test
    void blockingCallIsInterruptedAndAnsweredCancelled() throws Exception {
        try (JsonRpcServer server = Servers.start(Work.class);
             WsClient client = WsClient.connect(server.uri())) {
            Work work = Servers.bean(server, Work.class);
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"work.block\",\"id\":5}");
            assertTrue(work.entered().await(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":5}}");
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32800,\"message\":\"Request cancelled\"},\"id\":5}", client.receive());
            assertTrue(work.interrupted().await(0, TimeUnit.SECONDS), "the method's thread was interrupted");
        }
    }

    @Test
    void asynchronousCallHasItsStageCancelled() throws Exception {
        try (JsonRpcServer server = Servers.start(Work.class);
             WsClient client = WsClient.connect(server.uri())) {
            Work work = Servers.bean(server, Work.class);
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"work.later\",\"id\":\"a\"}");
            // once its stage is pending: a cancel that comes first answers the call without running it (below)
            Servers.awaitTrue("work.later has returned its stage", () -> work.laterCalls() == 1);
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":\"a\"}}");
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32800,\"message\":\"Request cancelled\"},\"id\":\"a\"}", client.receive());
            assertTrue(work.pending().isCancelled(), "the stage was cancelled");
        }
    }

    /**
     * One call at a time: the second waits behind the first, is cancelled while it waits (the cancel, a built-in that
     * never blocks, is run as it is read) and is answered -32800 without ever running.
     */
    @Test
    void callCancelledBeforeItStartsNeverRuns() throws Exception {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.max-in-flight", "1"), Work.class);
             WsClient client = WsClient.connect(server.uri())) {
            Work work = Servers.bean(server, Work.class);
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"work.block\",\"id\":1}");
            assertTrue(work.entered().await(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"work.later\",\"id\":2}");
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":2}}");
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}");
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32800,\"message\":\"Request cancelled\"},\"id\":1}", client.receive());
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32800,\"message\":\"Request cancelled\"},\"id\":2}", client.receive());
            assertEquals(0, work.laterCalls(), "the cancelled call never ran");
        }
    }

    @Test
    void cancelOfAnIdThatIsNotRunningIsIgnored() {
        try (JsonRpcServer server = Servers.start(Work.class);
             WsClient client = WsClient.connect(server.uri())) {
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":99}}");
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":[\"x\"]}");
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}", client.call("{\"jsonrpc\":\"2.0\",\"method\":\"work.plain\",\"id\":1}").toString());
            assertTrue(client.unread().isEmpty(), "nothing else was said: " + client.unread());
        }
    }
}
