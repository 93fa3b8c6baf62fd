package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.api.UnusableAnswerException;
import io.jsonrpcws.impl.codec.RequestWriter;
import io.jsonrpcws.impl.dispatch.ValueReader;
import io.jsonrpcws.impl.protocol.Incoming;
import io.jsonrpcws.impl.protocol.PeerProtocol;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Utf8;
import io.jsonrpcws.impl.protocol.Version;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.lang.System.Logger.Level;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The calls this side makes to its peer over one connection: request ids, the answers awaited, their
 * timeouts. Answers are matched by id; one that comes after its timeout, or for an id never sent, is
 * dropped and logged, except the result of a call that started something on the peer (a subscription), which goes
 * to whoever can end it. When the connection closes every awaited answer fails with
 * {@link ConnectionClosedException}. A call that gets no answer in time fails with a {@link TimeoutException}
 * that names the method, the id and the timeout. Thread-safe.
 *
 * <p>Answers complete their stages on the given executor, never on the thread that read the frame, so
 * that what the application chains on them cannot stall the connection.
 *
 * <p>Calls are written in the JSON-RPC version the peer speaks ({@link PeerProtocol}): fixed, or learnt from
 * the first message of the peer that has a version, which the engine reports with {@link #heard}. Answers of
 * either version are read: 1.0's carry both {@code result} and {@code error}, one of them {@code null}.
 */
public final class OutgoingCalls {

    private static final System.Logger LOG = System.getLogger(OutgoingCalls.class.getName());

    /**
     * @param abandoned where a result goes that comes after the stage was given up; {@code null} for a call whose
     *                  result starts nothing, which completes on the executor. With one, the answer completes on the
     *                  thread that settles it.
     * @param timeout   the call's timeout, as given
     * @param deadline  when it is up, in {@link System#nanoTime()}'s terms
     */
    private record Awaited(CompletableFuture<Object> answer, Type resultType, String method, long id,
                           Consumer<JsonValue> abandoned, Duration timeout, long deadline) {
        boolean inline() {
            return abandoned != null;
        }
    }

    /**
     * The longest a deadline is put off, in nanoseconds (about 73 years): deadlines are compared by their
     * differences, which must not overflow.
     */
    private static final long MAX_WAIT = Long.MAX_VALUE / 4;

    /**
     * The least time between two firings of the timer, in nanoseconds: calls whose deadlines are spread thinly (many
     * calls to a peer that answers none) fail a little late, in groups, rather than each after a scan of all the
     * calls awaited.
     */
    private static final long MIN_GAP = TimeUnit.MILLISECONDS.toNanos(1);

    /** Made once: {@code Json.createArrayBuilder()} looks the provider up with a ServiceLoader on every call. */
    private static final JsonBuilderFactory ARRAYS = JsonProvider.provider().createBuilderFactory(Map.of());

    /** The longest JSON of an unusable result quoted in the failure's message, in characters. */
    private static final int MAX_QUOTED = 200;

    private final RequestWriter writer;
    private final ValueReader values;
    private final JsonParserFactory parsers;
    private final Consumer<String> send;
    private final Executor completions;
    private final Duration defaultTimeout;
    private final int maxMessage;
    private final PeerProtocol protocol;
    /** The notification that tells the peer a call was cancelled; {@code null} when cancelling tells it nothing. */
    private final String cancelNotification;
    /** The version learnt from the peer; {@code null} until its first message that has one. */
    private final AtomicReference<Version> learnt = new AtomicReference<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Awaited> awaited = new ConcurrentHashMap<>();
    private volatile String closed;
    /**
     * One timer for all the calls awaited: it fires at the earliest deadline it was set for, fails the calls whose
     * time is up and is set again for the next deadline. A call whose deadline is later than the timer's sets
     * nothing (the usual case, calls made one after the other with the same timeout), so a call costs no timer of
     * its own to schedule and cancel. Guarded by {@link #timerLock}; {@code null} when none is set.
     */
    private CompletableFuture<Void> timer;
    /** When {@link #timer} fires, in {@link System#nanoTime()}'s terms; read without the lock to skip it. */
    private volatile long timerAt;
    private volatile boolean timerSet;
    private final Object timerLock = new Object();

    OutgoingCalls(RequestWriter writer, ValueReader values, JsonParserFactory parsers, Consumer<String> send,
                  Executor completions, Duration defaultTimeout, int maxMessage, PeerProtocol protocol,
                  String cancelNotification) {
        this.maxMessage = maxMessage;
        this.cancelNotification = cancelNotification;
        this.protocol = Objects.requireNonNull(protocol);
        this.writer = writer;
        this.values = values;
        this.parsers = parsers;
        this.send = Objects.requireNonNull(send);
        this.completions = Objects.requireNonNull(completions);
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout);
    }

    /** The timeout of requests that do not give their own. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The version this side's calls are written in now. */
    Version version() {
        switch (protocol) {
            case V1_0:
                return Version.V1_0;
            case V2_0:
                return Version.V2_0;
            default:
                Version v = learnt.get();
                return v == null ? Version.V2_0 : v;
        }
    }

    /** Takes note of the version of a message of the peer: the first one decides, when the protocol is learnt. */
    void heard(Version version) {
        if (protocol == PeerProtocol.AUTO && learnt.get() == null) {
            learnt.compareAndSet(null, version);
        }
    }

    /**
     * Sends a notification with positional params; ignored once the connection is closed.
     *
     * @param params the params; {@code null} for none
     * @return whether it was handed to the connection: {@code false}, sending nothing, once it has closed
     * @throws IllegalArgumentException when the message would be larger than a message may be
     * @throws RuntimeException when JSON-B cannot serialize a param
     */
    public boolean notify(String method, Object[] params) {
        return notify(method, positional(params));
    }

    /**
     * Sends a notification; ignored once the connection is closed.
     *
     * @return whether it was handed to the connection: {@code false}, sending nothing, once it has closed
     * @throws IllegalStateException    when the params are by name and the peer speaks JSON-RPC 1.0
     * @throws IllegalArgumentException when the message would be larger than a message may be
     * @throws RuntimeException when JSON-B cannot serialize a param
     */
    public boolean notify(String method, Params params) {
        if (closed != null) {
            return false;
        }
        send.accept(checked(writer.notification(writable(method, params), method, params), method));
        return true;
    }

    /** The version to write a call in. */
    private Version writable(String method, Params params) {
        Objects.requireNonNull(params, "params");
        Version version = version();
        if (version == Version.V1_0 && params instanceof Params.ByName) {
            throw new IllegalStateException("the peer speaks JSON-RPC 1.0, whose params are always an array: "
                    + method + " cannot be sent with params by name (send them by position)");
        }
        return version;
    }

    private static Params positional(Object[] params) {
        return params == null ? Params.byPosition() : Params.byPosition(params);
    }

    /** The message, unless it is larger than a message may be. */
    private String checked(String message, String method) {
        if (Utf8.longerThan(message, maxMessage)) {
            throw new IllegalArgumentException("the message of " + method + " is larger than the " + maxMessage
                    + " bytes a message may have (jsonrpcws.max-outgoing-message); not sent");
        }
        return message;
    }

    /**
     * Sends a request and awaits its answer.
     *
     * @return completes with the result bound to {@code resultType}, or exceptionally with
     *         {@link JsonRpcException}, {@link java.util.concurrent.TimeoutException} or
     *         {@link ConnectionClosedException}
     */
    public <T> CompletableFuture<T> request(String method, Type resultType, Duration timeout, Object[] params) {
        return request(method, resultType, timeout, positional(params));
    }

    /**
     * Sends a request and awaits its answer.
     *
     * @return completes with the result bound to {@code resultType}, or exceptionally with
     *         {@link JsonRpcException}, {@link java.util.concurrent.TimeoutException} or
     *         {@link ConnectionClosedException}; at once with an {@link IllegalStateException}, sending nothing,
     *         when the params are by name and the peer speaks JSON-RPC 1.0
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> request(String method, Type resultType, Duration timeout, Params params) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        if (!request(method, resultType, timeout, System.nanoTime(), params, answer)) {
            answer.completeExceptionally(new ConnectionClosedException(closed + "; " + method + " was not sent"));
        }
        return (CompletableFuture<T>) answer;
    }

    /**
     * Sends a request made earlier, whose stage the caller holds, unless the connection has closed. A stage that
     * is already complete (a call cancelled while it waited) is not sent. A stage cancelled while its answer is
     * awaited stops awaiting it (a later answer is dropped) and, where this registry was made with a cancel
     * notification, tells the peer with {@code {"id": n}}.
     *
     * @param timeout the time the call may take from {@code madeAt} to its answer
     * @param madeAt  when the call was made, in {@link System#nanoTime()}'s terms: a call that waited for a
     *                connection has less time left
     * @param answer  the stage to complete: with the result bound to {@code resultType}, or exceptionally with
     *                {@link JsonRpcException}, {@link TimeoutException} (at once, sending nothing, when its time is
     *                up already), {@link ConnectionClosedException}, or the failure to write the params
     * @return {@code false}, sending nothing and leaving {@code answer} as it is, when the connection has closed;
     *         {@code true} when the call is the connection's to answer or fail
     */
    public boolean request(String method, Type resultType, Duration timeout, long madeAt, Params params,
                           CompletableFuture<Object> answer) {
        return send(method, resultType, timeout, madeAt, params, answer, null);
    }

    /**
     * Sends a request whose result starts something on the peer that lives until this side ends it, such as a
     * subscription, as {@link #request(String, Type, Duration, long, Params, CompletableFuture)} does, with two
     * differences. Its answer completes {@code answer} on the thread that settles it (the thread that read the
     * answer, a timer's, the one that closes), so that what depends on it runs before the next frame is read; what is
     * chained on it must be quick and must not block. And when {@code answer} fails with its timeout, or is cancelled,
     * while the answer is awaited, the peer is told with the cancel notification (where this registry has one) and
     * the answer is still awaited, for as long as {@code timeout} again: a result that comes then is handed to
     * {@code abandoned}, on the thread that read it, so that the caller can end what the peer started; an error then
     * (the peer's -32800 for the cancel) is dropped.
     *
     * @param abandoned takes the JSON of a result that came after {@code answer} was given up
     */
    public boolean request(String method, Type resultType, Duration timeout, long madeAt, Params params,
                           CompletableFuture<Object> answer, Consumer<JsonValue> abandoned) {
        return send(method, resultType, timeout, madeAt, params, answer, Objects.requireNonNull(abandoned));
    }

    /** @param abandoned {@code null} for a call whose result starts nothing */
    private boolean send(String method, Type resultType, Duration timeout, long madeAt, Params params,
                         CompletableFuture<Object> answer, Consumer<JsonValue> abandoned) {
        if (closed != null) {
            return false;
        }
        if (answer.isDone()) {
            return true;
        }
        long id = ids.incrementAndGet();
        String text;
        try {
            text = checked(writer.request(writable(method, params), method, params, id), method);
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return true;
        }
        long now = System.nanoTime();
        long left = timeout.toNanos() - (now - madeAt);
        if (left <= 0) {
            answer.completeExceptionally(new TimeoutException("no answer to " + method + " within " + readable(timeout)
                    + ": its time was up before it could be sent"));
            return true;
        }
        Awaited call = new Awaited(answer, resultType, method, id, abandoned, timeout, now + Math.min(left, MAX_WAIT));
        awaited.put(id, call);
        if (closed != null && awaited.remove(id) != null) {
            return false;
        }
        // orTimeout's TimeoutException says nothing: the timer fails the call with one that names it
        expireAt(call.deadline());
        answer.whenComplete((value, failure) -> {
            if (abandoned == null) {
                // still awaited: the stage was completed from outside, by cancel() or by the application (an answer,
                // a time-out or the close took it out of the map before completing it)
                if (awaited.get(id) == call && awaited.remove(id, call) && failure instanceof CancellationException) {
                    cancelled(method, id);
                }
            } else if (awaited.get(id) == call) {
                // given up (timed out, cancelled) while awaited: what the peer may start must still be ended
                cancelled(method, id);
                CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
                        .execute(() -> awaited.remove(id, call));
            }
        });
        try {
            send.accept(text);
        } catch (RuntimeException e) {
            awaited.remove(id);
            answer.completeExceptionally(e);
        }
        return true;
    }

    /** Tells the peer that the call with this id was cancelled, if this registry does. */
    private void cancelled(String method, long id) {
        if (cancelNotification == null) {
            return;
        }
        try {
            notify(cancelNotification, Params.named().with("id", id));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "the cancel of " + method + " (id " + id + ") was not sent", e);
        }
    }

    /** Sees that the timer fires by {@code deadline}. */
    private void expireAt(long deadline) {
        if (timerSet && timerAt - deadline <= 0) {
            return; // the usual case: the timer fires earlier, and sets itself again for what is still awaited
        }
        synchronized (timerLock) {
            if (timer != null && timerAt - deadline <= 0 || closed != null) {
                return;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            CompletableFuture<Void> t = new CompletableFuture<Void>()
                    .completeOnTimeout(null, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            timer = t;
            timerAt = deadline;
            timerSet = true;
            t.thenRun(() -> expire(t));
        }
    }

    /** The timer has fired: fails the calls whose time is up, and sets it again for the earliest of the others. */
    private void expire(CompletableFuture<Void> fired) {
        synchronized (timerLock) {
            if (timer != fired) {
                return; // replaced by an earlier one
            }
            timer = null;
            timerSet = false;
        }
        long now = System.nanoTime();
        long next = 0;
        boolean more = false;
        for (Awaited call : awaited.values()) {
            if (call.deadline() - now <= 0) {
                timedOut(call);
            } else if (!more || call.deadline() - next < 0) {
                next = call.deadline();
                more = true;
            }
        }
        if (more) {
            expireAt(next - (now + MIN_GAP) < 0 ? now + MIN_GAP : next);
        }
    }

    private void timedOut(Awaited call) {
        if (call.abandoned() == null && !awaited.remove(call.id(), call)) {
            return;
        }
        // a call that may start something stays awaited: its stage's completion decides how long
        complete(call, null, new TimeoutException("no answer to " + call.method() + " (id " + call.id() + ") within "
                + readable(call.timeout())));
    }

    /** A duration as people write it: {@code 250 ms}, {@code 5 s}, {@code 1.5 s}. */
    public static String readable(Duration d) {
        long millis = d.toMillis();
        return millis < 1000 ? millis + " ms" : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Takes an answer that the peer sent; called by the engine. */
    void accept(Incoming.Response response) {
        Long id = ourId(response.id());
        Awaited call = id == null ? null : awaited.remove(id);
        if (call == null) {
            LOG.log(Level.DEBUG, () -> "an answer for id " + response.id() + " matches no awaited call "
                    + "(it came after its timeout, or was never asked for); dropped");
            return;
        }
        boolean error = response.error() != null && response.error() != JsonValue.NULL;
        JsonValue result = response.result() == null ? JsonValue.NULL : response.result();
        Object value = null;
        Throwable failure = null;
        if (error) {
            failure = toException(response.error());
        } else {
            try {
                value = result == JsonValue.NULL ? null : bind(result, call.resultType());
            } catch (RuntimeException e) {
                failure = new UnusableAnswerException("the result of " + call.method() + " (id " + call.id()
                        + ") does not fit " + call.resultType().getTypeName() + ": " + e.getMessage() + "; the result was "
                        + quoted(response.result()), e);
            }
        }
        if (!complete(call, value, failure) && call.abandoned() != null) {
            // given up (timed out, cancelled) before its answer came: what the peer started is the caller's to end
            if (error) {
                LOG.log(Level.DEBUG, () -> "the answer to " + call.method() + " (id " + call.id()
                        + "), given up before, is an error; dropped");
            } else {
                call.abandoned().accept(result);
            }
        }
    }

    private static String quoted(JsonValue result) {
        String json = String.valueOf(result);
        return json.length() <= MAX_QUOTED ? json : json.substring(0, MAX_QUOTED) + "...";
    }

    /**
     * Binds a value as an answer's result is bound: as strictly as params, from a parser over it, no text in
     * between.
     *
     * @throws RuntimeException when the value does not fit the type; its message says why
     */
    public Object bind(JsonValue result, Type type) {
        try (JsonParser parser = parsers.createParser(ARRAYS.createArrayBuilder().add(result).build())) {
            parser.next();
            return values.read(parser, parser.next(), type);
        }
    }

    /** Whether {@link #closed} was called: requests and notifications are no longer sent. */
    public boolean isClosed() {
        return closed != null;
    }

    /** Fails every awaited answer, and every later request, with {@link ConnectionClosedException}. */
    public void closed(String why) {
        closed = Objects.requireNonNull(why);
        for (Long id : awaited.keySet()) {
            fail(id, why);
        }
        synchronized (timerLock) {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
                timerSet = false;
            }
        }
    }

    private void fail(long id, String why) {
        Awaited call = awaited.remove(id);
        if (call != null) {
            complete(call, null, new ConnectionClosedException(why + "; no answer to " + call.method()));
        }
    }

    /** @return {@code false} when the stage of an inline call was complete already; otherwise {@code true} */
    private boolean complete(Awaited call, Object value, Throwable failure) {
        if (call.inline()) {
            return failure == null ? call.answer().complete(value) : call.answer().completeExceptionally(failure);
        }
        Runnable completion = () -> {
            if (failure == null) {
                call.answer().complete(value);
            } else {
                call.answer().completeExceptionally(failure);
            }
        };
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            // the executor has shut down: the caller still learns the outcome
            completion.run();
        }
        return true;
    }

    private static Long ourId(JsonRpcId id) {
        if (id instanceof JsonRpcId.Number n) {
            try {
                return Long.valueOf(n.lexeme());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The exception of a JSON-RPC error object as the peer sent it: code, message and data. */
    public static JsonRpcException toException(JsonValue error) {
        if (error instanceof JsonObject e) {
            JsonValue code = e.get("code");
            JsonValue message = e.get("message");
            return new JsonRpcException(
                    code instanceof JsonNumber n ? n.intValue() : JsonRpcErrorCodes.INTERNAL_ERROR,
                    message instanceof JsonString s ? s.getString() : "error without a message",
                    e.get("data"));
        }
        if (error instanceof JsonString s) {
            // JSON-RPC 1.0 leaves the error's form open; peers of that version often answer a bare message
            return new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, s.getString(), error);
        }
        return new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, "malformed error: " + error, error);
    }
}
