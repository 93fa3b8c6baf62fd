package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.api.UnusableAnswerException;
import io.jsonrpcws.impl.engine.OutgoingCalls;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.System.Logger.Level;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;

/**
 * One Flow subscriber's subscription, and the server subscriptions made for it: the first, and one per
 * reconnection. Items are bound on the thread that reads the connection and kept until the subscriber asks for them;
 * while more than the bound wait, the connection is told to stop reading. Signals reach the subscriber one at a time,
 * in order, on the client's executor. Thread-safe.
 */
final class ClientSubscription implements Flow.Subscription {

    private static final System.Logger LOG = System.getLogger(ClientSubscription.class.getName());
    private static final int MAX_QUOTED = 200;

    private sealed interface Signal {
    }

    private record Item(Object value) implements Signal {
    }

    private record Resubscribed(Resubscription event) implements Signal {
    }

    /** @param failure {@code null} for completion */
    private record End(Throwable failure) implements Signal {
    }

    private final JsonRpcClient client;
    final String method;
    private final Type itemType;
    private final Params params;
    private final SubscribeOptions options;
    final String notification;
    private final String unsubscribe;
    private final Flow.Subscriber<Object> subscriber;
    private final Executor executor;

    // guarded by this
    private final ArrayDeque<Signal> signals = new ArrayDeque<>();
    private int items;
    private long demand;
    private boolean draining;
    private boolean cancelled;
    /** Its end is queued: nothing more is taken. */
    private boolean ended;
    /** Where the last subscribe request went; {@code null} before it is sent. */
    private Connection sentOn;
    /** The answer awaited to the last subscribe request; {@code null} once it came. */
    private CompletableFuture<Object> pending;
    /** The live server subscription: its connection and id; {@code null} until answered. */
    private Connection connection;
    private String id;
    /** The connection told that this subscription is over its bound, if any. */
    private Connection lagging;
    /** The {@code key} property of the last item received, for resuming; {@code null} before any item. */
    private JsonValue resumeFrom;
    private boolean keyMissing;

    @SuppressWarnings("unchecked")
    ClientSubscription(JsonRpcClient client, String method, Type itemType, Params params, SubscribeOptions options,
                       Flow.Subscriber<?> subscriber, Executor executor) {
        this.client = client;
        this.method = method;
        this.itemType = itemType;
        this.params = params;
        this.options = options;
        this.notification = options.notificationFor(method);
        this.unsubscribe = options.unsubscribeFor(method);
        this.subscriber = (Flow.Subscriber<Object>) subscriber;
        this.executor = executor;
    }

    // --- subscribing

    /**
     * Sends a subscribe request on the connection.
     *
     * @param attempt the connection's attempt number, as {@link OnOpen} has it
     * @return {@code false}, sending nothing, when the connection has closed; {@code true} when sent, or when there
     *         is nothing to send any more
     */
    boolean sendOn(Connection c, int attempt) {
        boolean again;
        boolean resumed;
        Params request;
        CompletableFuture<Object> answer = new CompletableFuture<>();
        synchronized (this) {
            if (cancelled || ended) {
                return true;
            }
            again = sentOn != null;
            resumed = again && options.resumeParam() != null && !keyMissing;
            request = again && resumed && resumeFrom != null ? resumedParams() : params;
            pending = answer;
        }
        answer.whenComplete((result, failure) -> answered(c, answer, attempt, again, resumed, result, failure));
        // a subscription the server makes after this side gave up (time-out, cancel) is ended at once
        if (!c.outgoingCalls().request(method, String.class, client.defaultTimeout(), System.nanoTime(), request,
                answer, late -> abandoned(c, late))) {
            return false;
        }
        synchronized (this) {
            sentOn = c;
        }
        return true;
    }

    /** Whether a subscribe request went out on a connection that has ended, and none on {@code current}. */
    synchronized boolean lost(Connection current) {
        return !cancelled && !ended && sentOn != null && sentOn != current && sentOn.hasEnded();
    }

    private Params resumedParams() {
        Map<String, Object> members = new LinkedHashMap<>(((Params.ByName) params).members());
        members.put(options.resumeParam(), resumeFrom);
        return Params.byName(members);
    }

    /** The server's answer to a subscribe request, on the thread that read it (or timed it out, or closed). */
    private void answered(Connection c, CompletableFuture<Object> answer, int attempt, boolean again, boolean resumed,
                          Object result, Throwable failure) {
        synchronized (this) {
            if (pending == answer) {
                pending = null;
            }
        }
        if (failure instanceof ConnectionClosedException || failure instanceof CancellationException) {
            return; // the client decides: made again on the next connection, or ended with the client
        }
        if (failure == null && !(result instanceof String)) {
            failure = new UnusableAnswerException("the server answered the subscribe request " + method
                    + " with " + result + " instead of a subscription id", null);
        }
        if (failure != null) {
            end(failure);
            return;
        }
        String newId = (String) result;
        boolean unsubscribeNow;
        synchronized (this) {
            unsubscribeNow = cancelled || ended;
            c.register(newId, this);
            if (!unsubscribeNow) {
                connection = c;
                id = newId;
                if (again) {
                    signals.add(new Resubscribed(new Resubscription(attempt, resumed)));
                }
            }
        }
        if (unsubscribeNow) {
            c.unsubscribe(unsubscribe, newId);
        } else if (again) {
            drain();
        }
    }

    /**
     * A subscription id that came after the subscribe request was given up (it timed out, or the subscriber
     * cancelled): the server's subscription is ended, and its items until then are dropped.
     */
    private void abandoned(Connection c, JsonValue late) {
        if (late instanceof JsonString sid) {
            LOG.log(Level.DEBUG, () -> "the subscription " + sid.getString() + " to " + method
                    + " was made after it was given up; unsubscribing");
            c.register(sid.getString(), this);
            c.unsubscribe(unsubscribe, sid.getString());
        }
    }

    // --- what the server sends, on the thread that reads the connection

    /**
     * A notification of this subscription: an item, its completion or its failure. After a cancel, until the
     * server has answered the unsubscribe request, its items are dropped.
     */
    void received(Connection c, String sid, JsonObject notified) {
        synchronized (this) {
            if (cancelled || ended || connection != c || !sid.equals(id)) {
                return;
            }
        }
        JsonValue error = notified.get("error");
        if (notified.containsKey("result")) {
            item(c, sid, notified.get("result"));
        } else if (error != null && error != JsonValue.NULL) {
            c.forget(sid);
            end(OutgoingCalls.toException(error));
        } else if (notified.get("completed") == JsonValue.TRUE) {
            c.forget(sid);
            end(null);
        } else {
            LOG.log(Level.DEBUG, () -> "a notification of subscription " + sid + " (" + method + ") says nothing known: "
                    + notified);
        }
    }

    private void item(Connection c, String sid, JsonValue json) {
        Object value;
        RuntimeException unusable = null;
        try {
            value = c.outgoingCalls().bind(json, itemType);
            if (value == null) {
                unusable = new UnusableAnswerException("an item of " + method + " (subscription " + sid
                        + ") is null, which a Flow subscriber cannot take", null);
            }
        } catch (RuntimeException e) {
            value = null;
            unusable = new UnusableAnswerException("an item of " + method + " (subscription " + sid + ") does not fit "
                    + itemType.getTypeName() + ": " + e.getMessage() + "; the item was " + quoted(json), e);
        }
        if (unusable != null) {
            c.unsubscribe(unsubscribe, sid);
            end(unusable);
            return;
        }
        Connection over = null;
        Connection before = null;
        synchronized (this) {
            if (cancelled || ended) {
                return;
            }
            signals.add(new Item(value));
            items++;
            if (options.resumeKey() != null) {
                if (json instanceof JsonObject o && o.containsKey(options.resumeKey())) {
                    resumeFrom = o.get(options.resumeKey());
                    keyMissing = false;
                } else {
                    keyMissing = true;
                }
            }
            if (items >= options.buffer() && lagging != c) {
                before = lagging;
                lagging = c;
                over = c;
            }
        }
        if (before != null) {
            before.caughtUp();
        }
        if (over != null) {
            over.lagging();
        }
        drain();
    }

    private static String quoted(JsonValue json) {
        String text = String.valueOf(json);
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
    }

    /**
     * Ends the subscription after the items received: completion ({@code null}) or failure. No item follows, so the
     * connection need not wait for those that are kept.
     */
    void end(Throwable failure) {
        Connection over;
        synchronized (this) {
            if (cancelled || ended) {
                return;
            }
            ended = true;
            connection = null;
            id = null;
            over = lagging;
            lagging = null;
            signals.add(new End(failure));
        }
        client.forget(this);
        if (over != null) {
            over.caughtUp();
        }
        drain();
    }

    // --- Flow.Subscription

    @Override
    public void request(long n) {
        if (n <= 0) {
            stop(new IllegalArgumentException("a subscriber requested " + n
                    + " items; Reactive Streams rule 3.9 asks for a positive number"));
            return;
        }
        synchronized (this) {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
        drain();
    }

    /** Sends the unsubscribe request (its answer is not awaited) and drops what was not delivered. */
    @Override
    public void cancel() {
        stop(null);
    }

    /**
     * Drops what was not delivered, ends the server's subscription, and tells the subscriber {@code failure}, if
     * any, as its last signal.
     */
    private void stop(Throwable failure) {
        Connection c;
        String sid;
        Connection over;
        CompletableFuture<Object> answer;
        synchronized (this) {
            if (cancelled || failure != null && ended) {
                return;
            }
            signals.clear();
            items = 0;
            over = lagging;
            lagging = null;
            c = connection;
            sid = id;
            connection = null;
            id = null;
            answer = pending;
            pending = null;
            if (failure == null) {
                cancelled = true;
            } else {
                ended = true;
                signals.add(new End(failure));
            }
        }
        client.forget(this);
        if (over != null) {
            over.caughtUp();
        }
        if (answer != null) {
            // the server is told to stop making it; if its id comes anyway, it is unsubscribed (abandoned)
            answer.cancel(false);
        }
        if (c != null && sid != null) {
            c.unsubscribe(unsubscribe, sid);
        }
        if (failure != null) {
            drain();
        }
    }

    // --- delivery

    private void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            executor.execute(this::deliver);
        } catch (RejectedExecutionException e) {
            deliver();
        }
    }

    /** Signals one at a time while there is something the subscriber may get; one loop at a time. */
    private void deliver() {
        for (;;) {
            Signal next;
            Connection caughtUp = null;
            synchronized (this) {
                Signal head = signals.peek();
                if (cancelled && !(head instanceof End) || head == null || head instanceof Item && demand == 0) {
                    draining = false;
                    return;
                }
                signals.poll();
                if (head instanceof Item) {
                    demand--;
                    items--;
                    if (lagging != null && items < options.buffer()) {
                        caughtUp = lagging;
                        lagging = null;
                    }
                } else if (head instanceof End) {
                    cancelled = true;
                    signals.clear();
                }
                next = head;
            }
            if (caughtUp != null) {
                caughtUp.caughtUp();
            }
            try {
                if (next instanceof Item item) {
                    subscriber.onNext(item.value());
                } else if (next instanceof Resubscribed r) {
                    options.resubscribed().accept(r.event());
                } else if (next instanceof End end) {
                    if (end.failure() == null) {
                        subscriber.onComplete();
                    } else {
                        subscriber.onError(end.failure());
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "JRWS-0907 a subscriber of " + method + " failed; its subscription is cancelled", e);
                cancel();
            }
        }
    }

    @Override
    public String toString() {
        return "subscription to " + method + " at " + client.uri();
    }
}
