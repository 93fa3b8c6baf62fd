package io.jsonrpcws.client;

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
 * Subscription methods for the client's tests: honest publishers that send only what they are asked for, and count
 * what they were asked for and whether they were cancelled.
 */
@ApplicationScoped
@JsonRpcService("feed")
public class Feeds {

    private final List<Items> made = new CopyOnWriteArrayList<>();

    /** Every publisher made, in order. */
    List<Items> made() {
        return made;
    }

    /** The numbers 0 to count - 1, then the end. */
    @JsonRpcMethod
    public Flow.Publisher<Object> count(int count) {
        return keep(new Items(count, 0, List.of(), -1));
    }

    /** Strings of {@code size} characters, numbered from 0; {@code count} of them. */
    @JsonRpcMethod
    public Flow.Publisher<Object> pages(int count, int size) {
        return keep(new Items(count, size, List.of(), -1));
    }

    /** The values given, then the end. */
    @JsonRpcMethod
    public Flow.Publisher<Object> of(List<Object> values) {
        return keep(new Items(values.size(), 0, values, -1));
    }

    /** The values given, then nothing more: it never ends. */
    @JsonRpcMethod
    public Flow.Publisher<Object> open(List<Object> values) {
        return keep(new Items(values.size(), 0, values, -3));
    }

    /** {@code after} numbers, then a failure mapped to 4040. */
    @JsonRpcMethod
    public Flow.Publisher<Object> failing(int after) {
        return keep(new Items(Integer.MAX_VALUE, 0, List.of(), after));
    }

    /** The numbers 0 to count - 1 under names of its own: {@code feed.tick} and {@code feed.untick}. */
    @JsonRpcMethod
    @JsonRpcSubscription(notification = "tick", unsubscribe = "untick")
    public Flow.Publisher<Object> ticks(int count) {
        return keep(new Items(count, 0, List.of(), -1));
    }

    /** Never sends anything, nor ends. */
    @JsonRpcMethod
    public Flow.Publisher<Object> silence() {
        return keep(new Items(0, 0, List.of(), -2));
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

    private Items keep(Items publisher) {
        made.add(publisher);
        return publisher;
    }

    /**
     * Sends item i as {@code values[i]}, or the number i, or a string of {@code size} characters when size > 0, only
     * as many as asked (Reactive Streams rule 1.1); fails after {@code failAfter} items when that is not negative,
     * sends nothing and never ends when it is -2, never ends when it is -3.
     */
    static final class Items implements Flow.Publisher<Object> {
        private final int count;
        private final int size;
        private final List<Object> values;
        private final int failAfter;
        final AtomicLong requested = new AtomicLong();
        final CountDownLatch subscribed = new CountDownLatch(1);
        final CountDownLatch cancelled = new CountDownLatch(1);

        Items(int count, int size, List<Object> values, int failAfter) {
            this.count = count;
            this.size = size;
            this.values = values;
            this.failAfter = failAfter;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Object> subscriber) {
            subscribed.countDown();
            subscriber.onSubscribe(new Flow.Subscription() {
                private long demand;
                private int next;
                private boolean emitting;
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    requested.addAndGet(n);
                    demand += n;
                    if (emitting || failAfter == -2) {
                        return;
                    }
                    emitting = true;
                    while (!done && demand > 0 && next < count && next != failAfter) {
                        demand--;
                        int i = next++;
                        subscriber.onNext(!values.isEmpty() ? values.get(i) : size > 0 ? String.format("%0" + size + "d", i) : (Object) i);
                    }
                    if (!done && next == failAfter) {
                        done = true;
                        subscriber.onError(new Dried());
                    } else if (!done && next == count && failAfter != -3) {
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
}
