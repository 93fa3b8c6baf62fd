package io.jsonrpcws.client;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While a reconnecting client is away, its calls, notifications and batches wait; once the server is back on the
 * same port, the onOpen hook runs first (it may block on its own calls), then what waited is sent in order and
 * answered. The hook runs on every open, with the attempt numbers 0, 1, 2, ...
 */
class CallsWaitWhileTheClientReconnectsTest {

    @Test
    void whatWaitedIsSentAfterTheHookOnceTheServerIsBack() throws Exception {
        JsonRpcServer first = Journal.start(0);
        int port = first.port();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        JsonRpcServer second = null;
        JsonRpcServer third = null;
        try (JsonRpcClient client = JsonRpcClient.builder(first.uri())
                .reconnect(new Reconnect(1_000, Duration.ofMillis(20), Duration.ofMillis(200)))
                .onOpen((connection, attempt) -> {
                    attempts.add(attempt);
                    // blocks on its own call: it goes out at once, ahead of what waits
                    connection.call("journal.add", String.class, "hook " + attempt).toCompletableFuture()
                            .get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                })
                .connect()) {
            assertEquals(List.of(0), attempts, "the first connection's hook has run when connect() returns");
            assertEquals(List.of("hook 0"), Journal.of(first));

            first.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            CompletionStage<String> a = client.call("journal.add", String.class, "a");
            client.notify("journal.note", "n");
            Batch batch = client.batch();
            CompletionStage<String> b = batch.call("journal.add", String.class, "b");
            batch.notify("journal.note", "m").send();
            CompletionStage<String> c = client.call(Duration.ofSeconds(20), "journal.add", String.class, "c");
            assertFalse(a.toCompletableFuture().isDone(), "a call waits while the client is away");

            second = Journal.start(port);
            assertEquals("a", Await.result(a));
            assertEquals("b", Await.result(b));
            assertEquals("c", Await.result(c));
            // a stopping server may still take a handshake and then close it: that open counts too
            assertEquals(List.of("hook " + last(attempts), "a", "n", "b", "m", "c"), Journal.of(second));
            assertNumberedFromZero(attempts);
            int beforeSecondStop = last(attempts);

            second.stop();
            Await.until("the client notices the server is gone again", () -> !client.isOpen());
            CompletionStage<String> d = client.call("journal.add", String.class, "d");
            third = Journal.start(port);
            assertEquals("d", Await.result(d));
            assertEquals(List.of("hook " + last(attempts), "d"), Journal.of(third));
            assertNumberedFromZero(attempts);
            assertTrue(last(attempts) > beforeSecondStop);
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
            if (third != null) {
                third.stop();
            }
        }
    }

    private static int last(List<Integer> attempts) {
        return attempts.get(attempts.size() - 1);
    }

    private static void assertNumberedFromZero(List<Integer> attempts) {
        for (int i = 0; i < attempts.size(); i++) {
            assertEquals(i, attempts.get(i), "attempts " + attempts);
        }
    }

    @Test
    void aFailingHookIsLoggedAndWhatWaitedIsSentAllTheSame() {
        JsonRpcServer first = Journal.start(0);
        int port = first.port();
        JsonRpcServer second = null;
        CompletableFuture<Integer> failed = new CompletableFuture<>();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        try (JsonRpcClient client = JsonRpcClient.builder(first.uri())
                .reconnect(new Reconnect(1_000, Duration.ofMillis(20), Duration.ofMillis(200)))
                .onOpen((connection, attempt) -> {
                    attempts.add(attempt);
                    if (attempt > 0) {
                        failed.complete(attempt);
                        throw new IllegalStateException("the hook fails at attempt " + attempt);
                    }
                })
                .connect()) {
            first.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            CompletionStage<String> a = client.call("journal.add", String.class, "after a failed hook");

            second = Journal.start(port);
            assertEquals("after a failed hook", Await.result(a));
            assertTrue(Await.result(failed) >= 1);
            assertNumberedFromZero(attempts);
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }
}
