package io.jsonrpcws.benchmarks.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives one connection of a Java client ({@link ClientKind.Caller}) with {@code inFlight} calls in flight: 1 is
 * sequential (each call made when the last one is answered), more are asynchronous (a call made as soon as one of
 * them is answered). Warm-up first, then the measured window; latency is from the call to its stage's completion.
 * Bounded: a call unanswered for {@link ClientKind#TIMEOUT} ends the run.
 */
final class ClientLoad {

    /** The measured window's state, read by the completions. */
    private static final int WARMING = 0;
    private static final int MEASURING = 1;
    private static final int ENDED = 2;

    private final ClientKind.Caller caller;
    private final Histogram latency = new Histogram(60_000_000_000L, 3);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> sample = new AtomicReference<>();
    private volatile int state;

    ClientLoad(ClientKind.Caller caller) {
        this.caller = caller;
    }

    /**
     * Runs {@code warmUpMillis}, then measures for {@code measureMillis} or until {@code maxCalls} (when positive) are
     * answered in the window, then waits for the calls still in flight.
     *
     * @return calls answered and failed in the window, its length, their latency, this JVM's CPU time in it (the
     *         whole process's), and one answer
     * @throws IOException when a call is not answered in time
     */
    LoadClient.Result run(Payload payload, int inFlight, long warmUpMillis, long measureMillis, long maxCalls,
                          LoadClient.Window window) throws IOException, InterruptedException {
        Semaphore free = new Semaphore(inFlight);
        long measureStart = System.nanoTime() + warmUpMillis * 1_000_000;
        long measureEnd = measureStart + measureMillis * 1_000_000;
        long start = 0;
        long cpuStart = 0;
        state = WARMING;
        for (;;) {
            long now = System.nanoTime();
            if (state == WARMING && now >= measureStart) {
                window.started();
                cpuStart = Cpu.processNanos();
                start = System.nanoTime();
                state = MEASURING;
                now = start;
            }
            if (state == MEASURING && (now >= measureEnd || maxCalls > 0 && calls.get() >= maxCalls)) {
                break;
            }
            if (!free.tryAcquire(ClientKind.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("no answer for " + ClientKind.TIMEOUT.toSeconds() + " s to any of " + inFlight
                        + " calls in flight");
            }
            long sent = System.nanoTime();
            caller.call(payload).whenComplete((result, failure) -> {
                long answered = System.nanoTime();
                if (state == MEASURING) {
                    if (failure == null) {
                        synchronized (latency) {
                            latency.recordValue(answered - sent);
                        }
                        calls.incrementAndGet();
                        if (sample.get() == null) {
                            sample.compareAndSet(null, String.valueOf(result));
                        }
                    } else {
                        errors.incrementAndGet();
                        sample.set("failed: " + failure);
                    }
                }
                free.release();
            });
        }
        state = ENDED;
        long end = System.nanoTime();
        long cpuNanos = Cpu.processNanos() - cpuStart;
        window.ended();
        if (!free.tryAcquire(inFlight, ClientKind.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IOException((inFlight - free.availablePermits()) + " calls were never answered");
        }
        Histogram measured;
        synchronized (latency) {
            measured = latency.copy();
        }
        return new LoadClient.Result(calls.get(), errors.get(), end - start, measured, cpuNanos, sample.get());
    }
}
