package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling the stage of a call that was sent sends {@code $/cancelRequest {"id": n}}: a blocking server method is
 * interrupted, an asynchronous one has its stage cancelled. The client's stage is cancelled, the server's later
 * answer (-32800) is dropped, and the connection goes on.
 */
class CancelledCallsAreCancelledOnTheServerTest {

    @ApplicationScoped
    @JsonRpcService("work")
    public static class Work {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final CountDownLatch asked = new CountDownLatch(1);
        final CompletableFuture<String> pending = new CompletableFuture<>();

        @JsonRpcMethod
        public String block() {
            entered.countDown();
            try {
                Thread.sleep(Await.PATIENCE.toMillis());
                return "slept";
            } catch (InterruptedException e) {
                interrupted.countDown();
                return "woken";
            }
        }

        @JsonRpcMethod
        public CompletionStage<String> later() {
            asked.countDown();
            return pending;
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

        CountDownLatch asked() {
            return asked;
        }

        CompletableFuture<String> pending() {
            return pending;
        }
    }

    private static Work work(JsonRpcServer server) {
        return server.cdi().select(Work.class).get();
    }

    @Test
    void aBlockingMethodIsInterrupted() throws Exception {
        try (JsonRpcServer server = JsonRpcServer.builder().host("127.0.0.1").port(0).beanClasses(Work.class).start();
             JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            CompletionStage<String> call = client.call("work.block", String.class);
            assertTrue(work(server).entered().await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertTrue(call.toCompletableFuture().cancel(true));
            assertTrue(work(server).interrupted().await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS),
                    "the server's method was interrupted");
            // the server's answer to the cancelled call (-32800) comes before this one, and is dropped
            assertEquals(1, Await.result(client.call("work.plain", Integer.class)));
            assertTrue(call.toCompletableFuture().isCancelled());
            assertTrue(client.isOpen());
        }
    }

    @Test
    void anAsynchronousMethodHasItsStageCancelled() throws Exception {
        try (JsonRpcServer server = JsonRpcServer.builder().host("127.0.0.1").port(0).beanClasses(Work.class).start();
             JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            CompletionStage<String> call = client.call("work.later", String.class);
            assertTrue(work(server).asked().await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertTrue(call.toCompletableFuture().cancel(false));
            Await.until("the server's stage is cancelled", () -> work(server).pending().isCancelled());
            assertEquals(1, Await.result(client.call("work.plain", Integer.class)));
            assertTrue(call.toCompletableFuture().isCancelled());
        }
    }
}
