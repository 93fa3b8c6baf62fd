package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calls of a connection share one timer, set for the earliest deadline awaited: a call with a shorter timeout
 * than those before it still fails at its own time, calls fail in the order of their deadlines, the timer is set again
 * after it fired, and answered calls leave nothing that fails the next ones.
 */
class EachCallTimesOutAtItsOwnDeadlineTest {

    @JsonRpcService("t")
    public static class Never {
        /** A stage of its own for each call: a cancelled call cancels the stage it waits on. */
        @JsonRpcMethod
        public CompletionStage<String> never() {
            return new CompletableFuture<>();
        }

        @JsonRpcMethod
        public String echo(String s) {
            return s;
        }
    }

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = JsonRpcServer.builder().host("127.0.0.1").port(0).config(RuntimeConfig.defaults())
                .beanClasses(Never.class).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aShorterTimeoutAfterALongerOneFailsAtItsOwnTime() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            CompletableFuture<String> patient = client.<String>call(Duration.ofSeconds(25), "t.never", String.class).toCompletableFuture();
            long made = System.nanoTime();
            Throwable late = Await.failure(client.call(Duration.ofMillis(200), "t.never", String.class));
            long took = System.nanoTime() - made;
            assertEquals("no answer to t.never (id 2) within 200 ms",
                    assertInstanceOf(TimeoutException.class, late).getMessage());
            // not when the first call's timer would have fired: 25 s, far beyond the wait
            assertTrue(took < Duration.ofSeconds(20).toNanos(), "failed after " + took / 1_000_000 + " ms");
            assertFalse(patient.isDone(), "the longer call still waits");
            patient.cancel(true);
        }
    }

    @Test
    void callsFailInTheOrderOfTheirDeadlinesAndTheTimerIsSetAgain() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
            List<CompletableFuture<String>> calls = List.of(1500, 300, 900).stream().map(ms -> {
                CompletableFuture<String> c = client.<String>call(Duration.ofMillis(ms), "t.never", String.class).toCompletableFuture();
                c.whenComplete((v, t) -> {
                    if (t instanceof TimeoutException) {
                        failed.add(ms + " ms");
                    }
                });
                return c;
            }).toList();
            calls.forEach(Await::failure);
            Await.until("every failure recorded", () -> failed.size() == 3);
            assertEquals(List.of("300 ms", "900 ms", "1500 ms"), List.copyOf(failed));

            // the timer fired three times; it is set again for the next calls, between answered ones
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 50; i++) {
                    assertEquals("hi " + i, Await.result(client.call(Duration.ofMillis(100), "t.echo", String.class, "hi " + i)));
                }
                assertEquals("no answer to t.never (id " + (4 + round * 51 + 50) + ") within 100 ms",
                        assertInstanceOf(TimeoutException.class,
                                Await.failure(client.call(Duration.ofMillis(100), "t.never", String.class))).getMessage());
            }
        }
    }

    @Test
    void manyCallsWithDeadlinesSpreadOutEachFailNoEarlierThanTheirOwn() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            int n = 300;
            List<CompletableFuture<Long>> waited = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                long made = System.nanoTime();
                waited.add(client.<String>call(Duration.ofMillis(100 + i), "t.never", String.class).toCompletableFuture()
                        .handle((v, t) -> {
                            if (!(t instanceof TimeoutException)) {
                                throw new AssertionError("expected a time-out, got " + v + " / " + t);
                            }
                            return System.nanoTime() - made;
                        }));
            }
            for (int i = 0; i < n; i++) {
                long took = Await.result(waited.get(i));
                assertTrue(took >= Duration.ofMillis(100 + i).toNanos(),
                        "call " + i + " failed after " + took / 1000 + " µs, before its " + (100 + i) + " ms");
            }
            assertTrue(client.isOpen());
        }
    }

    @Test
    void answeredCallsLeaveNothingThatFailsLaterOnes() throws InterruptedException {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            for (int i = 0; i < 20; i++) {
                assertEquals("a", Await.result(client.call(Duration.ofMillis(150), "t.echo", String.class, "a")));
            }
            // past the deadlines of every call above: the timer they set fires and finds nothing to fail
            Thread.sleep(400);
            CompletableFuture<String> slow = client.<String>call(Duration.ofSeconds(20), "t.echo", String.class, "b").toCompletableFuture();
            assertEquals("b", Await.result(slow));
            assertTrue(client.isOpen());
        }
    }
}
