package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.codec.Limits;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.engine.OutgoingCalls;
import io.jsonrpcws.impl.engine.RemoteProxies;
import io.jsonrpcws.impl.model.CallInfo;
import io.jsonrpcws.impl.model.ContextParameter;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import jakarta.json.bind.JsonbConfig;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC 2.0 client over one WebSocket (the JDK's {@code java.net.http}), for Java applications and
 * tests. It calls the server's methods ({@link JsonRpcCalls} says how calls complete), and its handlers answer the
 * server's calls to it.
 *
 * <pre>{@code
 * try (JsonRpcClient client = JsonRpcClient.connect(URI.create("ws://127.0.0.1:8080/jsonrpc"))) {
 *     double sum = client.call("calc.add", Double.class, 1, 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
 * }
 * }</pre>
 *
 * <p><b>The server's calls</b> to the client run the {@link JsonRpcMethod} methods of the
 * {@linkplain Builder#handlers handler objects}, on the same engine as the server: by position or by name, with
 * JSON-RPC errors for unknown methods and bad params. They run on the client's executor, so a handler may block,
 * even waiting for the answer to a call of its own. A handler method may also take a {@code JsonRpcClient}
 * parameter: the client the call came on.
 *
 * <p><b>Sending.</b> Every outgoing frame goes through one serial sender: one send in flight, the rest queued
 * in order (16 Mi characters at most; beyond, the server is taken not to read and the connection is cut).
 *
 * <p><b>Closing and reconnecting.</b> {@link #close()} closes for good. When the server closes the connection or
 * the network breaks, the calls awaiting an answer fail with {@link ConnectionClosedException} (the server may or
 * may not have run them); then the client either closes for good, after which calls fail at once and
 * {@code notify} throws {@link ConnectionClosedException}, or, with {@link Builder#reconnect(Reconnect)},
 * reconnects. While it is away, calls, notifications and batches wait in a queue of at most
 * {@link Builder#queue(int)} entries (beyond it, or with {@code queue(0)}, they are refused as on a closed client)
 * and are sent in order once it is back, after the {@link Builder#onOpen(OnOpen) onOpen} hook; a waiting call's
 * timeout runs from when it was made. When the client gives up reconnecting or is closed, what waits is refused
 * with {@link ConnectionClosedException} and nothing of it is sent.
 *
 * <p><b>Subscriptions.</b> {@link #subscribe(SubscribeOptions, String, Type, Params) subscribe} makes a
 * {@code Flow.Publisher} of a server's subscription method; its items follow the subscriber's demand end to end, at
 * the price of pausing the whole connection while a subscriber lags, and with reconnection the subscriptions are
 * made again (or resumed) on each new connection. {@linkplain JsonRpcCalls Cancelling} a call's stage cancels the
 * call on the server.
 *
 * <p>Thread-safe: any thread may call, notify, subscribe and close.
 */
public final class JsonRpcClient implements JsonRpcCalls, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JsonRpcClient.class.getName());

    /** A server is trusted more than a client: no limit on strings, larger batches; nesting stays bounded. */
    private static final Limits LIMITS = new Limits(10_000, Limits.DEFAULT.maxDepth(), Integer.MAX_VALUE, 1_000);

    private final URI uri;
    private final JsonRpcEngine<Connection> engine;
    private final HttpClient http;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final Duration defaultTimeout;
    private final Duration connectTimeout;
    private final Reconnect reconnect;
    private final List<String[]> headers;
    private final CloseListener closeListener;

    private final int queueBound;
    private final OnOpen onOpen;

    /** Where the client is: its calls go out in {@code OPEN} only, wait in {@code OPENING} and {@code AWAY}. */
    private enum State {
        /** A connection has opened; its hook runs, then what waits is sent. */
        OPENING,
        /** Connected, nothing waits. */
        OPEN,
        /** The connection was lost; reconnecting. */
        AWAY,
        /** For good. */
        CLOSED
    }

    /** What waits for a connection, with the timers of its calls. */
    private record Waiting(Outgoing out, List<CompletableFuture<Void>> timers) {
        void cancelTimers() {
            timers.forEach(t -> t.cancel(false));
        }
    }

    private final Object lock = new Object();
    /** The current connection, or the last one while reconnecting or once closed; written under the lock. */
    private volatile Connection connection;
    /** Written under the lock. */
    private volatile State state = State.OPENING;
    /** Why the client is closed; written under the lock. */
    private String closedBecause;
    /** Guarded by the lock. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** Connections opened so far: the next one's attempt number. Guarded by the lock. */
    private int opened;
    private final AtomicBoolean finished = new AtomicBoolean();
    /** The subscriptions not ended nor cancelled, made again after each reconnection. */
    private final Set<ClientSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    private JsonRpcClient(Builder b, JsonRpcEngine<Connection> engine) {
        this.uri = b.uri;
        this.engine = engine;
        this.http = HttpClient.newHttpClient();
        this.ownedExecutor = b.executor == null ? defaultExecutor() : null;
        this.executor = b.executor != null ? b.executor : ownedExecutor;
        this.defaultTimeout = b.defaultTimeout;
        this.connectTimeout = b.connectTimeout;
        this.reconnect = b.reconnect;
        this.headers = List.copyOf(b.headers);
        this.closeListener = b.closeListener;
        this.queueBound = b.queue;
        this.onOpen = b.onOpen;
    }

    /**
     * Connects with the defaults: no handlers, a default timeout of 30 seconds, no reconnection.
     *
     * @param uri the server's endpoint, such as {@code ws://127.0.0.1:8080/jsonrpc}
     * @return a connected client
     * @throws UncheckedIOException when the connection cannot be made; its message says why ("connection refused",
     *                              "the server answered the WebSocket handshake with HTTP 404 instead of 101", a
     *                              time-out), its cause is the JDK's exception
     */
    public static JsonRpcClient connect(URI uri) {
        return builder(uri).connect();
    }

    /**
     * A builder of a client of this endpoint.
     *
     * @param uri the server's endpoint, {@code ws://} or {@code wss://}; not {@code null}
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** Configures a client before it connects. Not thread-safe; may connect several clients. */
    public static final class Builder {
        private final URI uri;
        private final List<Object> handlers = new ArrayList<>();
        private Duration defaultTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Reconnect reconnect;
        private JsonbConfig jsonbConfig;
        private Executor executor;
        private final List<String[]> headers = new ArrayList<>();
        private CloseListener closeListener = (code, reason) -> {
        };
        private int queue = 1024;
        private OnOpen onOpen;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /**
         * Objects whose {@link JsonRpcMethod} methods answer the server's calls. Their classes' {@link JsonRpcService}
         * namespace, if any, prefixes the names as on the server. Handlers are shared by every connection of the
         * client and may be called from several threads at once.
         */
        public Builder handlers(Object... handlers) {
            for (Object handler : handlers) {
                this.handlers.add(Objects.requireNonNull(handler, "handler"));
            }
            return this;
        }

        /** The timeout of calls that do not give their own; 30 seconds unless set. */
        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = positive(timeout, "defaultTimeout");
            return this;
        }

        /** How long the opening handshake may take, for the first connection and each reconnection; 10 seconds. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Reconnects with this backoff when the connection is lost; {@code null} (the default) never does. While
         * the client is away its calls wait, up to {@link #queue(int)}.
         */
        public Builder reconnect(Reconnect reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        /** Maps params and results (both ways) with a JSON-B made from this configuration; the defaults otherwise. */
        public Builder jsonbConfig(JsonbConfig config) {
            this.jsonbConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Where handlers and the {@link #onOpen onOpen} hook run and stages complete. Unless set, the client makes
         * its own (virtual threads on Java 21 and newer, else a pool of daemon threads) and shuts it down when it
         * closes; a given executor is never shut down by the client. It must not run its tasks one at a time: a
         * handler or hook that blocks on a call's answer needs another of its threads to complete that call.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Adds a header to the opening handshake, such as {@code Authorization}. */
        public Builder header(String name, String value) {
            headers.add(new String[]{Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
            return this;
        }

        /**
         * Sends this bearer token to the server's authenticator, as {@code Authorization: Bearer <token>} on every
         * opening handshake.
         */
        public Builder bearerToken(String token) {
            return header("Authorization", "Bearer " + Objects.requireNonNull(token, "token"));
        }

        /**
         * How many calls, notifications and batches (a batch counts as one) may wait while the client reconnects;
         * 1024 unless set. Beyond, a call's stage fails with {@link ConnectionClosedException} saying the queue is
         * full, and {@code notify} throws it. {@code 0} queues nothing: while away, calls fail at once.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder queue(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("queue must not be negative: " + size);
            }
            this.queue = size;
            return this;
        }

        /**
         * Runs on every open, before what waited is sent; see {@link OnOpen}. The first connection's hook has run
         * when {@link #connect()} returns.
         */
        public Builder onOpen(OnOpen hook) {
            this.onOpen = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** Told once when the client has closed for good; see {@link CloseListener}. */
        public Builder onClose(CloseListener listener) {
            this.closeListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Connects, waiting at most the connect timeout for the handshake, then for the {@link #onOpen onOpen} hook.
         *
         * @throws IllegalArgumentException when a handler's methods are invalid (every problem is listed)
         * @throws UncheckedIOException     when the connection cannot be made
         */
        public JsonRpcClient connect() {
            try {
                return connectAsync().toCompletableFuture().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw new UncheckedIOException(io.getMessage(), io);
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new UncheckedIOException(new IOException("cannot connect to " + uri + ": " + Failures.why(cause), cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("interrupted connecting to " + uri));
            }
        }

        /**
         * Connects without waiting.
         *
         * @return a stage that completes with the connected client, once the {@link #onOpen onOpen} hook has run,
         *         or exceptionally with an {@link IOException} saying why the connection cannot be made
         *         ("cannot connect to ws://...: connection refused"), caused by the JDK's exception
         * @throws IllegalArgumentException when a handler's methods are invalid (every problem is listed)
         */
        public CompletionStage<JsonRpcClient> connectAsync() {
            JsonRpcEngine.Builder<Connection> engine = JsonRpcEngine.<Connection>builder()
                    .methods(PlainServices.table(new ServiceModel(List.of(new ClientParameter())), handlers.toArray()))
                    .limits(LIMITS);
            if (jsonbConfig != null) {
                engine.jsonbConfig(jsonbConfig);
            }
            JsonRpcClient client = new JsonRpcClient(this, engine.build());
            return client.open().handle((connection, failure) -> {
                if (failure != null) {
                    client.shutDownExecutor();
                    Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
                    throw new CompletionException(new IOException("cannot connect to " + uri + ": " + Failures.why(cause), cause));
                }
                return connection;
            }).thenCompose(connection -> client.install(connection).thenApply(ignored -> client));
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }

    /** The endpoint this client connects to. */
    public URI uri() {
        return uri;
    }

    /** The timeout of calls that do not give their own. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The queue's bound, as {@link Builder#queue(int)} set it. */
    public int queueBound() {
        return queueBound;
    }

    /**
     * Whether the client is connected now and sends its calls at once: {@code false} once closed, while
     * reconnecting, and while a new connection's {@link Builder#onOpen onOpen} hook runs.
     */
    public boolean isOpen() {
        Connection c = connection;
        return state == State.OPEN && c != null && c.isOpen();
    }

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Params params) {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        submit(new Outgoing.Call(Objects.requireNonNull(method, "method"), Objects.requireNonNull(resultType, "resultType"),
                Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(params, "params"), System.nanoTime(), stage));
        return (CompletionStage<T>) (CompletionStage<?>) stage;
    }

    /** {@inheritDoc} */
    @Override
    public void notify(String method, Params params) {
        submit(new Outgoing.Notification(Objects.requireNonNull(method, "method"), Objects.requireNonNull(params, "params")));
    }

    // --- subscriptions

    /**
     * A subscription to a server's subscription method, with the {@linkplain SubscribeOptions#defaults() default
     * options} and params by position; see {@link #subscribe(SubscribeOptions, String, Type, Params)}.
     */
    public <T> Flow.Publisher<T> subscribe(String method, Class<T> itemType, Object... params) {
        return subscribe(SubscribeOptions.defaults(), method, itemType, positional(params));
    }

    /** A subscription whose items are of a generic type; see {@link #subscribe(SubscribeOptions, String, Type, Params)}. */
    public <T> Flow.Publisher<T> subscribe(String method, TypeRef<T> itemType, Object... params) {
        return subscribe(SubscribeOptions.defaults(), method, Objects.requireNonNull(itemType, "itemType").type(),
                positional(params));
    }

    /** A subscription with params by position or by name; see {@link #subscribe(SubscribeOptions, String, Type, Params)}. */
    public <T> Flow.Publisher<T> subscribe(String method, Class<T> itemType, Params params) {
        return subscribe(SubscribeOptions.defaults(), method, itemType, params);
    }

    /** A subscription with options; see {@link #subscribe(SubscribeOptions, String, Type, Params)}. */
    public <T> Flow.Publisher<T> subscribe(SubscribeOptions options, String method, Class<T> itemType, Params params) {
        return subscribe(options, method, (Type) itemType, params);
    }

    /** A subscription with options and a generic item type; see {@link #subscribe(SubscribeOptions, String, Type, Params)}. */
    public <T> Flow.Publisher<T> subscribe(SubscribeOptions options, String method, TypeRef<T> itemType, Params params) {
        return subscribe(options, method, Objects.requireNonNull(itemType, "itemType").type(), params);
    }

    /**
     * A subscription to a server method that returns a {@code Flow.Publisher} (see the server's streams): a cold
     * publisher, which sends nothing until it is subscribed to. <b>Each Flow subscriber gets a server subscription of
     * its own</b>: subscribing sends the subscribe request (queued while the client reconnects, as calls are), the
     * server answers with an id, and its notifications of that id ({@code options.notification}) become the
     * subscriber's signals, one at a time and in order, on the client's executor:
     * <ul>
     *   <li>each {@code result} is bound to {@code itemType} as strictly as a call's result; one that does not fit
     *       (or is {@code null}) ends the subscription with {@link io.jsonrpcws.api.UnusableAnswerException} and
     *       unsubscribes;</li>
     *   <li>{@code completed} calls {@code onComplete}, {@code error} calls {@code onError} with a
     *       {@link io.jsonrpcws.api.JsonRpcException} (code, message, {@code data}), after the items received
     *       before;</li>
     *   <li>a failed subscribe request calls {@code onError} with the call's failure ({@code JsonRpcException} such
     *       as {@code -32013}, {@code TimeoutException});</li>
     *   <li>{@link Flow.Subscription#cancel()} sends the unsubscribe request ({@code options.unsubscribe}, params
     *       {@code [id]}, its answer not awaited) and drops the items not delivered;</li>
     *   <li>a subscribe request given up before its answer (timed out, or cancelled by the subscriber) is cancelled
     *       on the server with {@code $/cancelRequest}, and its answer is still awaited for its timeout again: if it
     *       is a subscription id, the client sends the unsubscribe request for it at once and drops its items;</li>
     *   <li>when the client closes for good, or loses its connection without reconnecting, {@code onError} with
     *       {@link ConnectionClosedException}. With {@link Builder#reconnect reconnect}, the subscription is made
     *       again on each new connection, after the {@link Builder#onOpen onOpen} hook, ahead of what waited, with a
     *       new server id; {@link SubscribeOptions#onResubscribe} is told, and {@link SubscribeOptions#resume} asks
     *       the server to go on after the last item received.</li>
     * </ul>
     *
     * <p><b>Demand.</b> Items received wait until the subscriber requests them; while a subscription of the
     * connection holds {@link SubscribeOptions#buffer(int)} of them (256 by default), the client stops reading the
     * connection. Then the socket's buffers fill and the server's sender, which the server's publisher's demand
     * follows, stops: a subscriber that does not keep up slows its publisher down. <b>This pauses the whole
     * connection</b>: answers to calls, the server's calls to the handlers and the other subscriptions' items wait
     * too until the subscriber catches up (calls may time out meanwhile), and so do the server's pings: a jsonrpcws
     * server closes a connection that sends nothing for its idle timeout with 1001. Give a slow consumer a client of
     * its own.
     *
     * @param options  names, bound, resubscription
     * @param method   the server's subscription method
     * @param itemType the Java type each item is bound to
     * @param params   the subscribe request's params; by name when {@code options} resume
     * @throws IllegalArgumentException when {@code options} resume and the params are not by name
     */
    public <T> Flow.Publisher<T> subscribe(SubscribeOptions options, String method, Type itemType, Params params) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(itemType, "itemType");
        Objects.requireNonNull(params, "params");
        if (options.resumeParam() != null && !(params instanceof Params.ByName)) {
            throw new IllegalArgumentException("resuming " + method + " after a reconnection sets the param \""
                    + options.resumeParam() + "\": its params must be by name (Params.named())");
        }
        return subscriber -> {
            ClientSubscription subscription = new ClientSubscription(this, method, itemType, params, options,
                    Objects.requireNonNull(subscriber, "subscriber"), executor);
            subscriptions.add(subscription);
            subscriber.onSubscribe(subscription);
            submit(new Outgoing.Subscribe(subscription));
        };
    }

    /** The subscription has ended or was cancelled: it is not made again. */
    void forget(ClientSubscription subscription) {
        subscriptions.remove(subscription);
    }

    private static Params positional(Object[] params) {
        return params == null ? Params.byPosition() : Params.byPosition(params);
    }

    /** Makes the subscriptions lost with an earlier connection again on this one. */
    private void resubscribe(Connection c, int attempt) {
        for (ClientSubscription subscription : subscriptions) {
            if (subscription.lost(c) && !subscription.sendOn(c, attempt)) {
                return;
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public Batch batch() {
        return new Batch(defaultTimeout, this::submit);
    }

    /** {@inheritDoc} The proxy's calls wait while the client reconnects, as the client's own do. */
    @Override
    public <T> T remote(Class<T> serverInterface) {
        T target = RemoteProxies.create(serverInterface, proxyCalls(this));
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "remote " + serverInterface.getName() + " at " + uri;
                };
            }
            return Proxy.getInvocationHandler(target).invoke(target, method, args);
        };
        return serverInterface.cast(Proxy.newProxyInstance(serverInterface.getClassLoader(),
                new Class<?>[]{serverInterface}, handler));
    }

    /** The calls of a proxy, made through {@code calls} with its default timeout. */
    static RemoteProxies.Calls proxyCalls(JsonRpcCalls calls) {
        return new RemoteProxies.Calls() {
            @Override
            public void notify(String method, Params params) {
                calls.notify(method, params);
            }

            @Override
            public CompletableFuture<?> request(String method, Type resultType, Params params) {
                return calls.call(calls.defaultTimeout(), method, resultType, params).toCompletableFuture();
            }
        };
    }

    /**
     * Closes the connection normally (1000) and for good: frames already handed to the connection are sent first,
     * calls awaiting an answer fail at once with {@link ConnectionClosedException}, and so do the calls that wait
     * for a reconnection (nothing of them is sent); reconnection stops, the close listener is told, and an executor
     * the client made is shut down. Returns without waiting for the server's acknowledgement. Idempotent.
     */
    @Override
    public void close() {
        Connection c;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            closedBecause = "the client of " + uri + " was closed";
            c = connection;
        }
        refuseWaiting();
        if (c != null) {
            c.close(1000, "");
        }
        finish(1000, "closed by the client");
    }

    @Override
    public String toString() {
        return "JsonRpcClient[" + uri + (isOpen() ? ", open]" : ", not connected]");
    }

    // --- sending and waiting

    /** Sends at once on an open connection, else queues or refuses. */
    private void submit(Outgoing out) {
        for (;;) {
            Connection c = connection;
            if (state == State.OPEN && c != null && out.sendOn(c)) {
                return;
            }
            ConnectionClosedException refused = null;
            Connection ended = null;
            synchronized (lock) {
                switch (state) {
                    case CLOSED -> refused = new ConnectionClosedException(closedBecause + "; not sent");
                    case OPENING, AWAY -> {
                        if (waiting.size() < queueBound) {
                            waiting.add(new Waiting(out, timers(out)));
                            return;
                        }
                        refused = new ConnectionClosedException(queueBound == 0
                                ? "the client of " + uri + " is reconnecting and queues nothing (queue(0)); not sent"
                                : "the client of " + uri + " is reconnecting and its queue is full (" + queueBound
                                        + " calls and notifications wait); not sent");
                    }
                    // the connection refused: it has ended, and the client has not yet taken note
                    case OPEN -> ended = connection == c ? c : null;
                }
            }
            if (refused != null) {
                out.refuse(refused);
                return;
            }
            if (ended != null) {
                connectionEnded(ended);
            }
        }
    }

    /** Fails a waiting call when its time is up, counted from when it was made; a batch's calls one by one. */
    private List<CompletableFuture<Void>> timers(Outgoing out) {
        List<CompletableFuture<Void>> timers = new ArrayList<>(1);
        if (out instanceof Outgoing.Call call) {
            timers.add(timer(call.method(), call.timeout(), call.madeAt(), call.stage(), out));
        } else if (out instanceof Outgoing.BatchOf batch) {
            for (Batch.Member m : batch.members()) {
                if (m.stage() != null) {
                    timers.add(timer(m.method(), m.timeout(), batch.madeAt(), m.stage(), null));
                }
            }
        }
        return timers;
    }

    /** @param alone what to take out of the queue when the time is up, if anything */
    private CompletableFuture<Void> timer(String method, Duration timeout, long madeAt, CompletableFuture<Object> stage,
                                          Outgoing alone) {
        long left = Math.max(0, timeout.toNanos() - (System.nanoTime() - madeAt));
        CompletableFuture<Void> timer = new CompletableFuture<Void>().completeOnTimeout(null, left, TimeUnit.NANOSECONDS);
        timer.thenRun(() -> {
            if (alone != null) {
                synchronized (lock) {
                    waiting.removeIf(w -> w.out() == alone);
                }
            }
            TimeoutException late = new TimeoutException("no answer to " + method + " within "
                    + OutgoingCalls.readable(timeout) + ": it was never sent, the client was reconnecting to " + uri);
            completeLater(() -> stage.completeExceptionally(late));
        });
        return timer;
    }

    /** On the executor, so that what the application chains on a stage does not run on a timer's thread. */
    private void completeLater(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    /** Refuses what waits: the client has closed. */
    private void refuseWaiting() {
        List<Waiting> refused;
        String why;
        synchronized (lock) {
            refused = new ArrayList<>(waiting);
            waiting.clear();
            why = closedBecause;
        }
        int notifications = 0;
        for (Waiting w : refused) {
            w.cancelTimers();
            try {
                w.out().refuse(new ConnectionClosedException(why + "; not sent"));
            } catch (ConnectionClosedException thrown) {
                notifications++;
            }
        }
        for (ClientSubscription subscription : List.copyOf(subscriptions)) {
            subscription.end(new ConnectionClosedException(why));
        }
        if (notifications > 0) {
            int n = notifications;
            LOG.log(Level.DEBUG, () -> n + " notifications that waited for a connection were dropped: " + why);
        }
    }

    // --- connections

    Connection connection() {
        return connection;
    }

    private CompletableFuture<Connection> open() {
        Connection c = new Connection(this, engine, executor, defaultTimeout);
        WebSocket.Builder ws = http.newWebSocketBuilder().connectTimeout(connectTimeout);
        for (String[] header : headers) {
            ws.header(header[0], header[1]);
        }
        return ws.buildAsync(uri, c).thenApply(webSocket -> {
            c.attach(webSocket);
            return c;
        });
    }

    /**
     * Makes a new connection the current one, then runs the hook and sends what waits, on the executor.
     *
     * @return completes when that is done (whether or not the connection still lives)
     */
    private CompletableFuture<Void> install(Connection c) {
        int attempt;
        synchronized (lock) {
            if (state == State.CLOSED) {
                c.close(1000, "");
                return CompletableFuture.completedFuture(null);
            }
            connection = c;
            state = State.OPENING;
            attempt = opened++;
        }
        if (c.hasEnded()) {
            connectionEnded(c);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable open = () -> {
            try {
                runHook(c, attempt);
                resubscribe(c, attempt);
                flush(c);
            } finally {
                done.complete(null);
            }
        };
        try {
            executor.execute(open);
        } catch (RejectedExecutionException e) {
            open.run();
        }
        return done;
    }

    private void runHook(Connection c, int attempt) {
        if (onOpen == null || c.hasEnded()) {
            return;
        }
        try {
            onOpen.opened(new OpenedConnection(c, defaultTimeout), attempt);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "JRWS-0901 the onOpen hook of the client of " + uri + " failed at attempt " + attempt
                    + "; the calls that wait are sent all the same", e);
        }
    }

    /**
     * Sends what waits, in order, then lets calls go out at once. Calls made meanwhile join the queue's end. When
     * the connection is lost again, what is left waits for the next one.
     */
    private void flush(Connection c) {
        for (;;) {
            List<Waiting> batch;
            synchronized (lock) {
                if (connection != c || state != State.OPENING) {
                    return;
                }
                if (waiting.isEmpty()) {
                    state = State.OPEN;
                    return;
                }
                batch = new ArrayList<>(waiting);
                waiting.clear();
            }
            for (int i = 0; i < batch.size(); i++) {
                Waiting w = batch.get(i);
                boolean sent;
                try {
                    sent = w.out().sendOn(c);
                } catch (RuntimeException e) {
                    String what = w.out() instanceof Outgoing.Notification n ? "the notification " + n.method() : "a batch";
                    LOG.log(Level.WARNING, "JRWS-0902 " + what + " waited for a connection to " + uri
                            + " and cannot be sent", e);
                    sent = true;
                }
                if (!sent) {
                    putBack(batch.subList(i, batch.size()));
                    return;
                }
                w.cancelTimers();
            }
        }
    }

    /** Puts what the flush could not send back at the queue's head, or refuses it if the client has closed. */
    private void putBack(List<Waiting> unsent) {
        boolean closedMeanwhile;
        synchronized (lock) {
            for (int i = unsent.size() - 1; i >= 0; i--) {
                waiting.addFirst(unsent.get(i));
            }
            closedMeanwhile = state == State.CLOSED;
        }
        if (closedMeanwhile) {
            refuseWaiting();
        }
    }

    /** Told by a connection when it has ended, once it has failed its pending calls. */
    void connectionEnded(Connection c) {
        boolean reconnecting;
        synchronized (lock) {
            if (c != connection || state == State.CLOSED || c.endReported) {
                return;
            }
            c.endReported = true;
            reconnecting = reconnect != null;
            state = reconnecting ? State.AWAY : State.CLOSED;
            if (!reconnecting) {
                closedBecause = "the connection to " + uri + " closed (" + c.endCode()
                        + (c.endReason().isEmpty() ? "" : " " + c.endReason()) + ")";
            }
        }
        if (reconnecting) {
            LOG.log(Level.INFO, () -> "JRWS-0903 lost the connection to " + uri + " (" + c.endCode() + " "
                    + c.endReason() + "); reconnecting");
            reconnect(1, c);
        } else {
            refuseWaiting();
            finish(c.endCode(), c.endReason());
        }
    }

    private void reconnect(int attempt, Connection lost) {
        Duration delay = reconnect.delay(attempt);
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (state == State.CLOSED) {
                return;
            }
            open().whenComplete((c, failure) -> {
                if (failure == null) {
                    LOG.log(Level.INFO, () -> "JRWS-0904 reconnected to " + uri + " at attempt " + attempt);
                    install(c);
                } else if (attempt < reconnect.maxAttempts()) {
                    LOG.log(Level.DEBUG, () -> "reconnection attempt " + attempt + " to " + uri + " failed: "
                            + Failures.why(failure));
                    reconnect(attempt + 1, lost);
                } else {
                    synchronized (lock) {
                        if (state == State.CLOSED) {
                            return;
                        }
                        state = State.CLOSED;
                        closedBecause = "the client gave up reconnecting to " + uri + " after " + attempt + " attempts ("
                                + Failures.why(failure) + ")";
                    }
                    LOG.log(Level.WARNING, () -> "JRWS-0905 gave up reconnecting to " + uri + " after " + attempt
                            + " attempts: " + Failures.why(failure));
                    refuseWaiting();
                    finish(lost.endCode(), "gave up reconnecting after " + attempt + " attempts");
                }
            });
        });
    }

    private void finish(int code, String reason) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            closeListener.closed(code, reason == null ? "" : reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "JRWS-0906 the close listener of the client of " + uri + " failed", e);
        } finally {
            shutDownExecutor();
        }
    }

    private void shutDownExecutor() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    /** Virtual threads on Java 21+ (found once; the jar targets Java 17), else a pool of daemon threads. */
    private static ExecutorService defaultExecutor() {
        try {
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable absent) {
            AtomicInteger count = new AtomicInteger();
            return Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "jsonrpcws-client-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Gives handler methods a {@code JsonRpcClient} parameter: the client the call came on. */
    private static final class ClientParameter implements ContextParameter<Connection> {

        @Override
        public boolean supports(Type type) {
            return type == JsonRpcClient.class;
        }

        @Override
        public Object resolve(CallInfo<Connection> call) {
            return call.connection().client;
        }

        @Override
        public String toString() {
            return "the client";
        }
    }
}
