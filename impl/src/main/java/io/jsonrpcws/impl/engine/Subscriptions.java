package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.codec.ReadFrame;
import io.jsonrpcws.impl.codec.SubscriptionWriter;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.connection.SerialSender;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The subscriptions of one connection ({@link io.jsonrpcws.api.JsonRpcSubscription}): at most a bound of them; ids
 * unique on the connection; each subscribed to its publisher only once the answer that carries its id has been handed
 * to the sender, so that no item overtakes it. The transport's scheduler says when that is, per frame
 * ({@link #answered}), or that the answer was dropped ({@link #abandoned}); a closed connection cancels them all.
 *
 * <p>Thread-safe.
 */
public final class Subscriptions {

    private final SubscriptionWriter writer;
    private final SerialSender sender;
    private final PeerConnection connection;
    private final int max;
    private final int maxOutgoingMessage;
    private final Executor executor;

    // guarded by this
    private final Map<String, Subscription> open = new HashMap<>();
    /** Subscriptions whose frame's answer has not gone to the sender yet, with their publishers. */
    private final Map<ReadFrame, List<Pending>> unanswered = new IdentityHashMap<>();
    private long lastId;
    private boolean closed;
    /** Whether {@link #unanswered} may hold anything: read without the lock, so that most frames pass at no cost. */
    private volatile boolean waiting;

    private record Pending(Subscription subscription, Flow.Publisher<?> publisher) {
    }

    Subscriptions(SubscriptionWriter writer, SerialSender sender, PeerConnection connection, int max, int maxOutgoingMessage,
                  Executor executor) {
        this.executor = executor;
        this.writer = writer;
        this.sender = sender;
        this.connection = connection;
        this.max = max;
        this.maxOutgoingMessage = maxOutgoingMessage;
    }

    /**
     * Opens a subscription of the publisher that {@code method} returned, in the answer to a request of
     * {@code frame}; it starts once that frame's answer is with the sender.
     *
     * @return its id, or {@code null} when the connection has {@link #max} subscriptions already
     */
    String open(RpcMethod method, Flow.Publisher<?> publisher, Function<Throwable, ErrorObject> failures, ReadFrame frame) {
        synchronized (this) {
            if (open.size() >= max) {
                return null;
            }
            String id = "0x" + Long.toHexString(++lastId);
            if (closed) {
                return id; // the connection is going: nothing will start
            }
            Subscription s = new Subscription(id, method.subscription(), method.javaName(), this, writer, sender,
                    failures, maxOutgoingMessage, executor);
            open.put(id, s);
            unanswered.computeIfAbsent(frame, f -> new ArrayList<>(1)).add(new Pending(s, publisher));
            waiting = true;
            return id;
        }
    }

    /** The answer of {@code frame} has been handed to the sender: its subscriptions start. */
    public void answered(ReadFrame frame) {
        if (!waiting) {
            return; // written before the answer went to the sender, by the thread that ran the frame
        }
        List<Pending> starting;
        synchronized (this) {
            starting = unanswered.remove(frame);
            waiting = !unanswered.isEmpty();
        }
        if (starting != null) {
            for (Pending p : starting) {
                subscribe(p);
            }
        }
    }

    /** The answer of {@code frame} was dropped (its calls timed out): its subscriptions never start. */
    public void abandoned(ReadFrame frame) {
        if (!waiting) {
            return;
        }
        List<Pending> dropped;
        synchronized (this) {
            dropped = unanswered.remove(frame);
            waiting = !unanswered.isEmpty();
            if (dropped != null) {
                dropped.forEach(p -> open.remove(p.subscription().id()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void subscribe(Pending p) {
        try {
            ((Flow.Publisher<Object>) p.publisher()).subscribe(p.subscription());
        } catch (RuntimeException e) {
            p.subscription().onError(e);
        }
    }

    /**
     * Ends a subscription at the client's request: its publisher is cancelled.
     *
     * @return whether the connection had it
     */
    boolean cancel(String id) {
        Subscription s;
        synchronized (this) {
            s = id == null ? null : open.remove(id);
            if (s != null) {
                unanswered.values().forEach(pending -> pending.removeIf(p -> p.subscription() == s));
            }
        }
        return s != null && s.cancel();
    }

    /** The connection has closed: every subscription is cancelled, none starts any more. */
    public void close() {
        List<Subscription> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(open.values());
            open.clear();
            unanswered.clear();
            waiting = false;
        }
        all.forEach(Subscription::cancel);
    }

    /** The subscriptions open now. */
    public synchronized int size() {
        return open.size();
    }

    /** A subscription has ended by itself (completed, failed, overflowed). */
    synchronized void remove(Subscription s) {
        open.remove(s.id(), s);
    }

    void closeConnection(int code, String reason) {
        connection.close(code, reason);
    }
}
