package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What waits for a reconnection is refused with ConnectionClosedException when the client gives up or is closed,
 * and later calls fail at once; a waiting call's timeout runs from when it was made; a client that does not
 * reconnect fails calls at once and throws from notify once its connection is lost.
 */
class WhatWaitsIsRefusedWhenTheClientStopsTest {

    @Test
    void givingUpRefusesWhatWaits() {
        JsonRpcServer server = Journal.start(0);
        CompletableFuture<String> closedForGood = new CompletableFuture<>();
        try (JsonRpcClient client = JsonRpcClient.builder(server.uri())
                .reconnect(new Reconnect(2, Duration.ofMillis(100), Duration.ofMillis(100)))
                .onClose((code, reason) -> closedForGood.complete(reason))
                .connect()) {
            server.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            // made while away (or, on a slow machine, after the client gave up): refused either way
            Throwable waited = Await.failure(client.call("journal.add", String.class, "never"));
            String message = assertInstanceOf(ConnectionClosedException.class, waited).getMessage();
            assertTrue(message.startsWith("the client gave up reconnecting to " + server.uri() + " after 2 attempts ("),
                    message);
            assertTrue(message.endsWith("); not sent"), message);
            assertEquals("gave up reconnecting after 2 attempts", Await.result(closedForGood));
            assertThrows(ConnectionClosedException.class, () -> client.notify("journal.note", "never"));
        } finally {
            server.stop();
        }
    }

    @Test
    void closingRefusesWhatWaits() {
        JsonRpcServer server = Journal.start(0);
        JsonRpcClient client = JsonRpcClient.builder(server.uri())
                .reconnect(new Reconnect(1, Duration.ofHours(1), Duration.ofHours(1))).connect();
        try {
            server.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            CompletionStage<String> waiting = client.call("journal.add", String.class, "never");
            client.close();
            assertEquals("the client of " + server.uri() + " was closed; not sent",
                    assertInstanceOf(ConnectionClosedException.class, Await.failure(waiting)).getMessage());
            assertInstanceOf(ConnectionClosedException.class, Await.failure(client.call("journal.add", String.class, "x")));
        } finally {
            client.close();
            server.stop();
        }
    }

    @Test
    void aWaitingCallTimesOutFromWhenItWasMade() {
        JsonRpcServer server = Journal.start(0);
        try (JsonRpcClient client = JsonRpcClient.builder(server.uri())
                .reconnect(new Reconnect(1, Duration.ofHours(1), Duration.ofHours(1))).connect()) {
            server.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            Throwable late = Await.failure(client.call(Duration.ofMillis(200), "journal.add", String.class, "late"));
            assertEquals("no answer to journal.add within 200 ms: it was never sent, the client was reconnecting to "
                    + server.uri(), assertInstanceOf(TimeoutException.class, late).getMessage());
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutReconnectCallsFailAtOnceAndNotifyThrows() {
        JsonRpcServer server = Journal.start(0);
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        try (JsonRpcClient client = JsonRpcClient.builder(server.uri())
                .onClose((code, reason) -> closed.complete(code)).connect()) {
            server.stop();
            Await.result(closed);
            Throwable failed = Await.failure(client.call("journal.add", String.class, "x"));
            String message = assertInstanceOf(ConnectionClosedException.class, failed).getMessage();
            assertTrue(message.startsWith("the connection to " + server.uri() + " closed ("), message);
            ConnectionClosedException thrown = assertThrows(ConnectionClosedException.class,
                    () -> client.notify("journal.note", "x"));
            assertEquals(message, thrown.getMessage());
        } finally {
            server.stop();
        }
    }
}
