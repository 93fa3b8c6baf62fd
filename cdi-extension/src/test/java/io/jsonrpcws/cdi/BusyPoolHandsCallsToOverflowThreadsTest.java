package io.jsonrpcws.cdi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default executor runs calls on a pool of platform threads, and moves the calls waiting for a pool whose
 * threads all block to threads of their own. More calls blocking than the pool has threads never keep a short
 * call waiting for long; short calls one after another stay on the pool, and so do calls that wait for a pool whose
 * threads compute (more threads would not make them faster). (The overflow here is a cached pool of platform threads,
 * as on Java 17; on 21+ the runtime passes virtual threads.)
 */
class BusyPoolHandsCallsToOverflowThreadsTest {

    @Test
    void aShortCallRunsAtOnceWhileMoreCallsBlockThanThePoolHasThreads() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ExecutorService overflow = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "overflow-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CallPool executor = new CallPool(2, r -> {
            Thread t = new Thread(r, "pool");
            t.setDaemon(true);
            return t;
        }, overflow);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(5);
        try {
            for (int i = 0; i < 5; i++) {
                executor.execute(() -> {
                    blocking.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(blocking.await(10, TimeUnit.SECONDS), "five blocking calls run at once on a pool of two");

            CountDownLatch ran = new CountDownLatch(1);
            long start = System.nanoTime();
            executor.execute(ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS), "a short call ran while five others block");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 2_000, "the short call waited " + millis + " ms");
        } finally {
            release.countDown();
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void shortCallsOneAfterAnotherStayOnThePool() throws Exception {
        ExecutorService overflow = Executors.newCachedThreadPool();
        CallPool executor = new CallPool(4, r -> {
            Thread t = new Thread(r, "pool");
            t.setDaemon(true);
            return t;
        }, overflow);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < 200; i++) {
                CountDownLatch ran = new CountDownLatch(1);
                executor.execute(() -> {
                    threads.add(Thread.currentThread().getName());
                    ran.countDown();
                });
                assertTrue(ran.await(10, TimeUnit.SECONDS));
            }
        } finally {
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(Set.of("pool"), threads, "calls that never overlap need no overflow thread");
        assertEquals(List.of(), overflow.shutdownNow());
    }

    @Test
    void callsWaitForAPoolThatComputesRatherThanGetThreadsOfTheirOwn() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ExecutorService overflow = Executors.newCachedThreadPool(r -> {
            made.incrementAndGet();
            Thread t = new Thread(r, "overflow");
            t.setDaemon(true);
            return t;
        });
        // as many computing threads as CPUs: more could not make the waiting call faster
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        CallPool executor = new CallPool(threads, r -> {
            Thread t = new Thread(r, "pool");
            t.setDaemon(true);
            return t;
        }, overflow);
        CountDownLatch computing = new CountDownLatch(threads);
        try {
            for (int i = 0; i < threads; i++) {
                executor.execute(() -> {
                    computing.countDown();
                    // 20 watch periods of work without a call ending
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CallPool.WATCH * 20);
                    long spin = 0;
                    while (System.nanoTime() < until) {
                        spin += Long.numberOfTrailingZeros(spin + 1);
                    }
                    if (spin == 42) {
                        System.out.print(""); // keeps the loop from being optimised away
                    }
                });
            }
            assertTrue(computing.await(10, TimeUnit.SECONDS));
            CompletableFuture<String> waiting = new CompletableFuture<>();
            executor.execute(() -> waiting.complete(Thread.currentThread().getName()));
            assertEquals("pool", waiting.get(30, TimeUnit.SECONDS), "the call waited for a pool thread");
            assertEquals(0, made.get(), "no overflow thread was made");
        } finally {
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
