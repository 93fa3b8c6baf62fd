package io.jsonrpcws.examples;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Subscription methods for the JavaScript client's tests of streams, and a call that blocks until it is cancelled.
 * What the tests look into afterwards (cancellations, interruptions, by a key of the test's choosing) is kept in
 * statics, so that it outlives a server that a test restarts; items of {@link #log} are derived from their
 * {@code seq}, so a log is the same on every server instance.
 */
@JsonRpcService("stream")
public class Streams {

    private static final Map<String, AtomicInteger> CANCELLED = new ConcurrentHashMap<>();
    private static final Map<String, String> CALLS = new ConcurrentHashMap<>();

    /** The numbers 0 to count - 1, then the end. */
    @JsonRpcMethod
    public Flow.Publisher<Integer> count(int count) {
        return new Ticker<>(count, 0, i -> (int) i, null, null);
    }

    /** The numbers 0 to after - 1, then a failure answered as {@code 4040 "the feed dried up"} with data. */
    @JsonRpcMethod
    public Flow.Publisher<Integer> failing(int after) {
        return new Ticker<>(after, 0, i -> (int) i,
                () -> new JsonRpcException(4040, "the feed dried up", Map.of("after", after)), null);
    }

    /** A number every 10 ms, for ever; a cancellation is counted under {@code key}. */
    @JsonRpcMethod
    public Flow.Publisher<Integer> ticks(String key) {
        return new Ticker<>(Long.MAX_VALUE, 10, i -> (int) i, null, counter(key)::incrementAndGet);
    }

    /** How many {@link #ticks} publishers of {@code key} were cancelled. */
    @JsonRpcMethod
    public int cancelled(String key) {
        return counter(key).get();
    }

    /** The entries of a log after {@code after} (from the first when it is null), one every 10 ms, for ever. */
    @JsonRpcMethod
    public Flow.Publisher<Entry> log(String topic, Long after) {
        long first = after == null ? 1 : after + 1;
        return new Ticker<>(Long.MAX_VALUE, 10, i -> new Entry(first + i, topic + " #" + (first + i)), null, null);
    }

    /** Blocks until its thread is interrupted, and records that under {@code key}; answers "finished" otherwise. */
    @JsonRpcMethod
    public String block(String key) {
        CALLS.put(key, "running");
        try {
            Thread.sleep(60_000);
            CALLS.put(key, "finished");
            return "finished";
        } catch (InterruptedException e) {
            CALLS.put(key, "interrupted");
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** What became of {@link #block}'s call under {@code key}: running, interrupted, finished, or null. */
    @JsonRpcMethod
    public String call(String key) {
        return CALLS.get(key);
    }

    private static AtomicInteger counter(String key) {
        return CANCELLED.computeIfAbsent(key, k -> new AtomicInteger());
    }

    /** An entry of a log, numbered from 1. */
    public record Entry(long seq, String text) {
    }

    /**
     * Sends items 0 to count - 1 as they are asked for (Reactive Streams rule 1.1), at once or one every
     * {@code period} ms on a thread of its own; then the end, or the failure when there is one.
     */
    static final class Ticker<T> implements Flow.Publisher<T> {
        private final long count;
        private final long period;
        private final LongFunction<T> item;
        private final Supplier<RuntimeException> failure;
        private final Runnable onCancel;

        Ticker(long count, long period, LongFunction<T> item, Supplier<RuntimeException> failure,
               Runnable onCancel) {
            this.count = count;
            this.period = period;
            this.item = item;
            this.failure = failure;
            this.onCancel = onCancel;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super T> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private long demand;
                private long next;
                private boolean emitting;
                private boolean done;
                private Thread ticking;

                @Override
                public synchronized void request(long n) {
                    demand += n;
                    if (period > 0) {
                        if (ticking == null && !done) {
                            ticking = new Thread(this::tick, "stream-ticker");
                            ticking.setDaemon(true);
                            ticking.start();
                        }
                        notifyAll();
                        return;
                    }
                    if (emitting) {
                        return; // rule 3.3: no recursion; the loop below goes on
                    }
                    emitting = true;
                    while (!done && demand > 0 && next < count) {
                        demand--;
                        subscriber.onNext(item.apply(next++));
                    }
                    end();
                    emitting = false;
                }

                private synchronized void end() {
                    if (!done && next == count) {
                        done = true;
                        RuntimeException e = failure == null ? null : failure.get();
                        if (e == null) {
                            subscriber.onComplete();
                        } else {
                            subscriber.onError(e);
                        }
                    }
                }

                private void tick() {
                    try {
                        while (true) {
                            Thread.sleep(period);
                            synchronized (this) {
                                while (!done && demand == 0) {
                                    wait();
                                }
                                if (done) {
                                    return;
                                }
                                if (next < count) {
                                    demand--;
                                    subscriber.onNext(item.apply(next++));
                                }
                                end();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public synchronized void cancel() {
                    if (!done) {
                        done = true;
                        notifyAll();
                        if (onCancel != null) {
                            onCancel.run();
                        }
                    }
                }
            });
        }
    }
}
