package io.jsonrpcws.testkit;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.client.JsonRpcClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Calls awaiting an answer fail with ConnectionClosedException when the connection closes, whichever side
 * closes it; calls made afterwards fail at once; the close listener is told once, with the close code.
 */
@JsonRpcTest(services = ClosingFailsPendingCallsTest.Stall.class)
class ClosingFailsPendingCallsTest {

    @JsonRpcService("stall")
    public static class Stall {
        private final CountDownLatch never = new CountDownLatch(1);

        @JsonRpcMethod
        public String forever() throws InterruptedException {
            never.await(30, TimeUnit.SECONDS);
            return "too late";
        }

        @JsonRpcMethod
        public void hangUp(JsonRpcSession session) {
            session.close(4000, "bye");
        }
    }

    @Test
    void closingTheClientFailsItsPendingCalls(URI uri) {
        CompletableFuture<String> told = new CompletableFuture<>();
        JsonRpcClient client = JsonRpcClient.builder(uri)
                .onClose((code, reason) -> told.complete(code + " " + reason))
                .connect();
        CompletionStage<String> pending = client.call("stall.forever", String.class);

        client.close();

        assertInstanceOf(ConnectionClosedException.class, Await.failure(pending));
        assertInstanceOf(ConnectionClosedException.class, Await.failure(client.call("stall.forever", String.class)));
        assertFalse(client.isOpen());
        assertEquals("1000 closed by the client", Await.result(told));
        client.close();
    }

    @Test
    void theServerClosingFailsThePendingCalls(URI uri) {
        CompletableFuture<Integer> told = new CompletableFuture<>();
        try (JsonRpcClient client = JsonRpcClient.builder(uri).onClose((code, reason) -> told.complete(code)).connect()) {
            CompletionStage<String> pending = client.call("stall.forever", String.class);
            client.notify("stall.hangUp");

            assertInstanceOf(ConnectionClosedException.class, Await.failure(pending));
            assertEquals(4000, Await.result(told));
            assertFalse(client.isOpen());
        }
    }
}
