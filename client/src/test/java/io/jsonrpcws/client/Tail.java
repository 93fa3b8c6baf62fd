package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs whose entries are numbered from 1, kept in the test JVM (static) so that they outlive a server's restart, and
 * a subscription method that follows one: the entries after {@code after}, then each one as it is written. An
 * honest publisher: it sends only what it is asked for.
 */
@ApplicationScoped
@JsonRpcService("log")
public class Tail {

    /** An entry: its number, and a text derived from it. */
    public record Entry(long seq, String text) {
    }

    /** How many entries each log has. */
    private static final Map<String, AtomicLong> WRITTEN = new ConcurrentHashMap<>();
    private static final Set<Runnable> FOLLOWERS = ConcurrentHashMap.newKeySet();

    /** Writes entries to the log until it has {@code upTo}, and tells who follows it. */
    static void write(String log, long upTo) {
        WRITTEN.computeIfAbsent(log, l -> new AtomicLong()).set(upTo);
        FOLLOWERS.forEach(Runnable::run);
    }

    private static long written(String log) {
        AtomicLong n = WRITTEN.get(log);
        return n == null ? 0 : n.get();
    }

    @JsonRpcMethod
    public Flow.Publisher<Entry> follow(String log, long after) {
        return subscriber -> {
            Follower follower = new Follower(log, after, subscriber);
            FOLLOWERS.add(follower);
            subscriber.onSubscribe(follower);
        };
    }

    /** One subscriber's place in a log. */
    private static final class Follower implements Flow.Subscription, Runnable {
        private final String log;
        private final Flow.Subscriber<? super Entry> subscriber;
        private long demand;
        private long next;
        private boolean emitting;
        private boolean done;

        Follower(String log, long after, Flow.Subscriber<? super Entry> subscriber) {
            this.log = log;
            this.next = after + 1;
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            synchronized (this) {
                demand += n;
            }
            run();
        }

        /** Sends what is written and asked for; one loop at a time, never recursively. */
        @Override
        public synchronized void run() {
            if (emitting) {
                return;
            }
            emitting = true;
            while (!done && demand > 0 && next <= written(log)) {
                demand--;
                long seq = next++;
                subscriber.onNext(new Entry(seq, "entry " + seq + " of " + log));
            }
            emitting = false;
        }

        @Override
        public void cancel() {
            synchronized (this) {
                done = true;
            }
            FOLLOWERS.remove(this);
        }
    }
}
