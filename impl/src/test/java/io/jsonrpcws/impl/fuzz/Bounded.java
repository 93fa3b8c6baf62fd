package io.jsonrpcws.impl.fuzz;

import io.jsonrpcws.impl.engine.JsonRpcEngine;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hands a frame to the engine on a pooled thread and waits at most {@link #BOUND} for the answer, in
 * {@code handle} or after it. A pool rather than a thread per input (as {@code assertTimeoutPreemptively}
 * makes) keeps the fuzzing loop fast; a thread stuck past the bound fails the input and is left behind.
 */
final class Bounded {

    static final Duration BOUND = Duration.ofSeconds(2);

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-engine-call");
        t.setDaemon(true);
        return t;
    });

    private Bounded() {
    }

    /**
     * Runs these frames through the engine once, without the bound: the first calls load (and, when fuzzing,
     * instrument) the engine's classes, Parsson's and Yasson's, which on a busy machine takes seconds.
     */
    static void warmUp(JsonRpcEngine<?> engine, String... frames) {
        for (String frame : frames) {
            try {
                engine.handle(frame, null).toCompletableFuture().get(1, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the engine did not answer " + frame + " within a minute", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** The engine's answer to the frame, {@code null} for none; fails past the bound, rethrows what it threw. */
    static String answer(JsonRpcEngine<?> engine, String frame) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Future<String> call = RUNNER.submit(() -> engine.handle(frame, null).toCompletableFuture()
                .get(BOUND.toNanos(), TimeUnit.NANOSECONDS));
        try {
            return call.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return fail("no answer within " + BOUND.toSeconds() + " s to " + JsonRpcAnswers.abbreviate(frame));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return fail("the answer's stage did not complete within " + BOUND.toSeconds() + " s: "
                        + JsonRpcAnswers.abbreviate(frame));
            }
            throw new AssertionError("the engine threw on " + JsonRpcAnswers.abbreviate(frame), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
