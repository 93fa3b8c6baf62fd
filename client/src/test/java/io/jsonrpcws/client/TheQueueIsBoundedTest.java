package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * While the client is away, at most {@code queue(n)} calls, notifications and batches wait: one more call fails at
 * once, and {@code notify} throws, with a ConnectionClosedException that says the queue is full; {@code queue(0)}
 * refuses everything at once. (The reconnection's first attempt is an hour away: the client stays away.)
 */
class TheQueueIsBoundedTest {

    private static final Reconnect NOT_SOON = new Reconnect(1, Duration.ofHours(1), Duration.ofHours(1));

    @Test
    void beyondTheBoundCallsFailAndNotificationsThrow() {
        JsonRpcServer server = Journal.start(0);
        try (JsonRpcClient client = JsonRpcClient.builder(server.uri()).reconnect(NOT_SOON).queue(2).connect()) {
            server.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());

            CompletionStage<String> first = client.call("journal.add", String.class, "1");
            client.notify("journal.note", "2");
            Throwable third = Await.failure(client.call("journal.add", String.class, "3"));
            assertEquals("the client of " + server.uri() + " is reconnecting and its queue is full (2 calls and "
                    + "notifications wait); not sent", assertInstanceOf(ConnectionClosedException.class, third).getMessage());
            ConnectionClosedException notified = assertThrows(ConnectionClosedException.class,
                    () -> client.notify("journal.note", "4"));
            assertEquals(third.getMessage(), notified.getMessage());
            assertFalse(first.toCompletableFuture().isDone(), "what fits still waits");
        } finally {
            server.stop();
        }
    }

    @Test
    void queueZeroRefusesAtOnce() {
        JsonRpcServer server = Journal.start(0);
        try (JsonRpcClient client = JsonRpcClient.builder(server.uri()).reconnect(NOT_SOON).queue(0).connect()) {
            server.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());

            Throwable refused = Await.failure(client.call("journal.add", String.class, "1"));
            assertEquals("the client of " + server.uri() + " is reconnecting and queues nothing (queue(0)); not sent",
                    assertInstanceOf(ConnectionClosedException.class, refused).getMessage());
            assertThrows(ConnectionClosedException.class, () -> client.notify("journal.note", "2"));
        } finally {
            server.stop();
        }
    }
}
