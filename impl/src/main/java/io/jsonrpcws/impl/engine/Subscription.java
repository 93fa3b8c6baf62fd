package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.impl.codec.SubscriptionWriter;
import io.jsonrpcws.impl.connection.SerialSender;
import io.jsonrpcws.impl.model.SubscriptionSpec;
import io.jsonrpcws.impl.protocol.ErrorObject;
import io.jsonrpcws.impl.protocol.Utf8;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * One subscription: the subscriber of a service's publisher, which turns its items into notifications on the
 * connection's sender. Demand follows the sender: {@value #WINDOW} items are asked for at first, and one more each
 * time the sender has written one, so an honest publisher never has more than that many items on the way and the
 * server buffers nothing for it. Items a publisher sends beyond its demand wait in a buffer of the spec's size, past
 * which its overflow policy applies. The end (completion, failure, overflow) is the last notification, after every
 * item before it.
 *
 * <p>Thread-safe: the publisher's signals, the sender's completions and the client's unsubscribe come on any
 * thread. One thread at a time emits (the one that finds work and is not beaten to it), so notifications leave in
 * order; the publisher and the sender are called without holding this object's lock.
 */
final class Subscription implements Flow.Subscriber<Object> {

    private static final System.Logger LOG = System.getLogger(Subscription.class.getName());

    /** Items asked of the publisher and not yet written out, at most. */
    static final int WINDOW = 32;

    /**
     * Items one thread sends in a row before it hands the rest of the stream to the executor and returns. A publisher
     * that emits inside {@code request} and a socket that takes every write at once would otherwise keep the thread
     * (a call thread: the one that answered the subscribe) for the whole stream, and a thousand such streams every
     * call thread of the server.
     */
    static final int BURST = 32;

    private static final ErrorObject OVERFLOW = new ErrorObject(JsonRpcErrorCodes.SUBSCRIPTION_OVERFLOW,
            "Subscription overflow: the client did not keep up", null);

    private final String id;
    private final SubscriptionSpec spec;
    private final String methodName;
    private final Subscriptions owner;
    private final SubscriptionWriter writer;
    private final SerialSender sender;
    private final Function<Throwable, ErrorObject> failures;
    private final int maxOutgoingMessage;
    private final Executor executor;
    private final Runnable written = this::written;
    private final Runnable resume = this::drain;

    // guarded by this
    private Flow.Subscription upstream;
    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    private int outstanding;
    private long owedDemand;
    private boolean cancelled;
    private boolean upstreamDone;
    private ErrorObject endError;
    private boolean endSent;
    private boolean emitting;
    private boolean missed;
    private long dropped;

    Subscription(String id, SubscriptionSpec spec, String methodName, Subscriptions owner, SubscriptionWriter writer,
                 SerialSender sender, Function<Throwable, ErrorObject> failures, int maxOutgoingMessage,
                 Executor executor) {
        this.executor = executor;
        this.id = id;
        this.spec = spec;
        this.methodName = methodName;
        this.owner = owner;
        this.writer = writer;
        this.sender = sender;
        this.failures = failures;
        this.maxOutgoingMessage = maxOutgoingMessage;
    }

    String id() {
        return id;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        boolean cancel;
        synchronized (this) {
            cancel = cancelled || upstream != null;
            if (!cancel) {
                upstream = subscription;
                owedDemand += WINDOW;
            }
        }
        if (cancel) {
            subscription.cancel(); // Reactive Streams rule 2.5: a second subscription is cancelled
            return;
        }
        drain();
    }

    @Override
    public void onNext(Object item) {
        boolean close = false;
        Flow.Subscription cancel = null;
        synchronized (this) {
            if (cancelled || upstreamDone) {
                return;
            }
            buffer.add(item);
            if (buffer.size() > spec.buffer()) {
                switch (spec.overflow()) {
                    case DROP_OLDEST -> {
                        buffer.poll();
                        dropped++;
                    }
                    case FAIL -> {
                        buffer.clear();
                        upstreamDone = true;
                        endError = OVERFLOW;
                        cancel = upstream;
                    }
                    case CLOSE -> {
                        close = true;
                        cancelled = true;
                        buffer.clear();
                        cancel = upstream;
                    }
                }
            }
        }
        if (cancel != null) {
            cancel.cancel();
        }
        if (close) {
            LOG.log(Level.WARNING, () -> "JRWS-0110 closing a connection (1008): subscription " + id + " of "
                    + methodName + " got more than its " + spec.buffer() + " buffered items");
            owner.remove(this);
            owner.closeConnection(1008, "subscription overflow");
            return;
        }
        drain();
    }

    @Override
    public void onError(Throwable throwable) {
        ErrorObject error = failures.apply(throwable);
        synchronized (this) {
            if (cancelled || upstreamDone) {
                return;
            }
            upstreamDone = true;
            endError = error;
        }
        drain();
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (cancelled || upstreamDone) {
                return;
            }
            upstreamDone = true;
        }
        drain();
    }

    /**
     * Ends the subscription without a notification (the client unsubscribed, or the connection is gone): the
     * publisher is cancelled and what waits is dropped.
     *
     * @return whether it was still running
     */
    boolean cancel() {
        Flow.Subscription s;
        synchronized (this) {
            if (cancelled || endSent) {
                return false;
            }
            cancelled = true;
            buffer.clear();
            s = upstream;
        }
        if (s != null) {
            s.cancel();
        }
        return true;
    }

    /** The sender wrote one of this subscription's items: room for one more. */
    private void written() {
        synchronized (this) {
            outstanding--;
            if (!upstreamDone && !cancelled) {
                owedDemand++;
            }
        }
        drain();
    }

    /**
     * Sends what may be sent and asks for what may be asked, on one thread at a time. Items are handed to the sender
     * under this object's lock, which the sender never calls back with, so that an unsubscribe, once it holds the
     * lock, knows no item of this subscription will follow its answer.
     */
    private void drain() {
        synchronized (this) {
            if (emitting) {
                missed = true;
                return;
            }
            emitting = true;
        }
        int sent = 0;
        while (true) {
            if (sent >= BURST && handOff()) {
                return;
            }
            long demand;
            boolean ended = false;
            Flow.Subscription s;
            Flow.Subscription cancel = null;
            synchronized (this) {
                missed = false;
                while (!cancelled && !endSent && outstanding < WINDOW && !buffer.isEmpty()) {
                    String text = write(buffer.poll());
                    if (text == null) {
                        upstreamDone = true;
                        buffer.clear();
                        cancel = upstream;
                        break;
                    }
                    outstanding++;
                    sent++;
                    sender.send(text, written);
                }
                if (!cancelled && !endSent && upstreamDone && buffer.isEmpty()) {
                    endSent = true;
                    ended = true;
                    sender.send(endError == null ? writer.completed(spec.notification(), id)
                            : writer.error(spec.notification(), id, endError));
                }
                s = upstream;
                demand = cancelled || upstreamDone || s == null ? 0 : owedDemand;
                owedDemand -= demand;
                if (demand == 0 && !ended && cancel == null && !missed) {
                    emitting = false;
                    return;
                }
            }
            if (ended) {
                owner.remove(this);
                long lost = dropped();
                if (lost > 0) {
                    LOG.log(Level.DEBUG, () -> "subscription " + id + " of " + methodName + " dropped " + lost
                            + " items its client could not take");
                }
            }
            if (cancel != null) {
                cancel.cancel();
            }
            if (demand > 0) {
                s.request(demand);
            }
        }
    }

    /**
     * Hands the emitting to the executor, for the work that is left; {@code false} when the executor refuses it (it
     * is shutting down), and this thread goes on.
     */
    private boolean handOff() {
        synchronized (this) {
            emitting = false;
        }
        try {
            executor.execute(resume);
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                if (emitting) {
                    return true; // another thread emits meanwhile
                }
                emitting = true;
            }
            return false;
        }
    }

    private synchronized long dropped() {
        return dropped;
    }

    /**
     * The notification of one item; {@code null} when it cannot be written, and {@link #endError} then says why.
     * Holding the lock.
     */
    private String write(Object item) {
        try {
            String text = writer.item(spec.notification(), id, item);
            if (!Utf8.longerThan(text, maxOutgoingMessage)) {
                return text;
            }
            LOG.log(Level.WARNING, () -> "JRWS-0111 an item of subscription " + id + " of " + methodName
                    + " is larger than the " + maxOutgoingMessage + " bytes a message may have; the subscription ends");
            endError = ErrorObject.RESULT_TOO_LARGE;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "JRWS-0112 an item of subscription " + id + " of " + methodName
                    + " cannot be serialized to JSON; the subscription ends", e);
            endError = ErrorObject.INTERNAL_ERROR;
        }
        return null;
    }
}
