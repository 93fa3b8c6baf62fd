package io.jsonrpcws.benchmarks.load;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An honest publisher of one value, {@code count} times, then the end: it sends only what was requested (Reactive
 * Streams rule 1.1), as soon as it was requested, from the thread that requested it, without recursion (rule 3.3: a
 * request made inside {@code onNext} only adds to the demand that the loop on the stack serves) and without locks.
 * Cancelling stops it. Each subscriber gets its own count.
 */
final class Repeat<T> implements Flow.Publisher<T> {

    private final T item;
    private final long count;

    Repeat(T item, long count) {
        this.item = item;
        this.count = count;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Emitter<T> emitter = new Emitter<>(subscriber, item, count);
        subscriber.onSubscribe(emitter);
        emitter.request(0);
    }

    private static final class Emitter<T> implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final T item;
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private long left;

        Emitter(Flow.Subscriber<? super T> subscriber, T item, long count) {
            this.subscriber = subscriber;
            this.item = item;
            this.left = count;
        }

        /** Also called with 0 once subscribed, so that a count of 0 completes at once. */
        @Override
        public void request(long n) {
            if (n < 0 || (n == 0 && left > 0)) {
                if (n < 0) {
                    cancelled = true;
                    subscriber.onError(new IllegalArgumentException("rule 3.9: request(" + n + ")"));
                }
                return;
            }
            requested.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (work.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                long wanted = requested.get();
                long sent = 0;
                while (sent != wanted && left > 0 && !cancelled) {
                    left--;
                    sent++;
                    subscriber.onNext(item);
                }
                if (left == 0 && !cancelled) {
                    cancelled = true;
                    subscriber.onComplete();
                    return;
                }
                if (sent != 0) {
                    requested.addAndGet(-sent);
                }
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
