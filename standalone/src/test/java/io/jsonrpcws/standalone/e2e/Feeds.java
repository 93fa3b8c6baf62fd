package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSubscription;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscription methods for the tests of streams: honest publishers that send only what is asked of them, and
 * floods that ignore demand, one per overflow policy. The publishers it made are kept, for tests to look into.
 */
@JsonRpcService("feed")
public class Feeds {

    private final List<Numbers> made = new CopyOnWriteArrayList<>();

    /** Every honest publisher made, in order (a method: tests see the bean through its client proxy). */
    List<Numbers> made() {
        return made;
    }

    /** The numbers 0 to count - 1, then the end. */
    @JsonRpcMethod
    public Flow.Publisher<Object> count(int count) {
        return keep(new Numbers(count, 0, -1));
    }

    /** Strings of {@code size} characters, numbered, as many as asked; {@code count} of them. */
    @JsonRpcMethod
    public Flow.Publisher<Object> pages(int count, int size) {
        return keep(new Numbers(count, size, -1));
    }

    /** {@code after} numbers, then a failure: {@link Dried} (mapped to 4040) or an unmapped one. */
    @JsonRpcMethod
    public Flow.Publisher<Object> failing(int after, boolean mapped) {
        return keep(new Numbers(Integer.MAX_VALUE, 0, after) {
            @Override
            RuntimeException failure() {
                return mapped ? new Dried() : new IllegalStateException("secret detail of the server");
            }
        });
    }

    /** Sends {@code count} numbers as soon as it is subscribed, whatever the demand. */
    @JsonRpcMethod
    @JsonRpcSubscription(buffer = 100)
    public Flow.Publisher<Object> flood(int count, int size) {
        return new Flood(count, size, floodsEnded);
    }

    @JsonRpcMethod
    @JsonRpcSubscription(buffer = 100, overflow = JsonRpcSubscription.Overflow.FAIL)
    public Flow.Publisher<Object> floodFails(int count) {
        return new Flood(count, 0, floodsEnded);
    }

    @JsonRpcMethod
    @JsonRpcSubscription(buffer = 100, overflow = JsonRpcSubscription.Overflow.CLOSE)
    public Flow.Publisher<Object> floodCloses(int count) {
        return new Flood(count, 0, floodsEnded);
    }

    /** Never sends anything, nor ends. */
    @JsonRpcMethod
    public Flow.Publisher<Object> silence() {
        return keep(new Numbers(0, 0, -1) {
            @Override
            public void subscribe(Flow.Subscriber<? super Object> subscriber) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        requested.addAndGet(n);
                    }

                    @Override
                    public void cancel() {
                        cancelled.countDown();
                    }
                });
            }
        });
    }

    /** Never sends anything, nor ends; not kept, so that nothing of the test holds on to its subscriber. */
    @JsonRpcMethod
    public Flow.Publisher<Object> quiet() {
        return beaconing(false);
    }

    /** Sends one item, "on", when first asked, then nothing, and never ends; not kept either. */
    @JsonRpcMethod
    public Flow.Publisher<Object> beacon() {
        return beaconing(true);
    }

    private Flow.Publisher<Object> beaconing(boolean once) {
        return subscriber -> {
            quietSubscribed.incrementAndGet();
            subscriber.onSubscribe(new Flow.Subscription() {
                private boolean sent = !once;

                @Override
                public synchronized void request(long n) {
                    if (!sent) {
                        sent = true;
                        subscriber.onNext("on");
                    }
                }

                @Override
                public void cancel() {
                    quietCancelled.incrementAndGet();
                }
            });
        };
    }

    private final AtomicLong quietSubscribed = new AtomicLong();
    private final AtomicLong quietCancelled = new AtomicLong();

    /** How many {@link #quiet()} and {@link #beacon()} publishers were subscribed to. */
    long quietSubscribed() {
        return quietSubscribed.get();
    }

    /** How many {@link #quiet()} and {@link #beacon()} publishers were cancelled. */
    long quietCancelled() {
        return quietCancelled.get();
    }

    private final AtomicLong floodsEnded = new AtomicLong();

    /** How many floods have sent everything. */
    long floodsEnded() {
        return floodsEnded.get();
    }

    @JsonRpcMethod
    public int plain() {
        return 1;
    }

    private Numbers keep(Numbers publisher) {
        made.add(publisher);
        return publisher;
    }

    /** The failure a mapper answers. */
    public static class Dried extends RuntimeException {
        public Dried() {
            super("the feed dried up");
        }
    }

    @ApplicationScoped
    public static class DriedMapper implements JsonRpcExceptionMapper<Dried> {
        @Override
        public JsonRpcException toJsonRpcException(Dried exception) {
            return new JsonRpcException(4040, exception.getMessage(), List.of("dry"));
        }
    }

    /**
     * Sends item i as the number i, or as a string of {@code size} characters when size > 0, only as many as asked
     * (Reactive Streams rule 1.1); fails after {@code failAfter} items when that is not negative.
     */
    static class Numbers implements Flow.Publisher<Object> {
        private final int count;
        private final int size;
        private final int failAfter;
        final AtomicLong requested = new AtomicLong();
        final CountDownLatch cancelled = new CountDownLatch(1);

        Numbers(int count, int size, int failAfter) {
            this.count = count;
            this.size = size;
            this.failAfter = failAfter;
        }

        RuntimeException failure() {
            return null;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Object> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private long demand;
                private int next;
                private boolean emitting;
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    requested.addAndGet(n);
                    demand += n;
                    if (emitting) {
                        return; // rule 3.3: no recursion; the loop below goes on
                    }
                    emitting = true;
                    while (!done && demand > 0 && next < count && next != failAfter) {
                        demand--;
                        int i = next++;
                        subscriber.onNext(size > 0 ? String.format("%0" + size + "d", i) : (Object) i);
                    }
                    if (!done && next == failAfter) {
                        done = true;
                        subscriber.onError(failure());
                    } else if (!done && next == count) {
                        done = true;
                        subscriber.onComplete();
                    }
                    emitting = false;
                }

                @Override
                public synchronized void cancel() {
                    done = true;
                    cancelled.countDown();
                }
            });
        }
    }

    /** Ignores demand: sends everything at once, on the thread that subscribes, then completes. */
    static final class Flood implements Flow.Publisher<Object> {
        private final int count;
        private final int size;
        private final AtomicLong ended;

        Flood(int count, int size, AtomicLong ended) {
            this.count = count;
            this.size = size;
            this.ended = ended;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Object> subscriber) {
            boolean[] cancelled = {false};
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                    cancelled[0] = true;
                }
            });
            String padding = size > 0 ? "x".repeat(size) : null;
            for (int i = 0; i < count && !cancelled[0]; i++) {
                subscriber.onNext(padding == null ? (Object) i : i + padding);
            }
            if (!cancelled[0]) {
                subscriber.onComplete();
            }
            ended.incrementAndGet();
        }
    }
}
