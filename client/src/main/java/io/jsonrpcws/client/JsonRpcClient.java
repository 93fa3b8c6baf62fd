package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.codec.Limits;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC 2.0 client over one WebSocket (the JDK's {@code java.net.http}), for Java applications and
 * tests. It calls the server's methods, and its handlers answer the server's calls to it.
 *
 * <pre>{@code
 * try (JsonRpcClient client = JsonRpcClient.connect(URI.create("ws://127.0.0.1:8080/jsonrpc"))) {
 *     double sum = client.call("calc.add", Double.class, 1, 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
 * }
 * }</pre>
 *
 * <p><b>Calls</b> return at once with a stage that completes with the answer: its {@code result} bound to the
 * requested type with JSON-B, or exceptionally with a {@link JsonRpcException} (the server's error object: code,
 * message, {@code data} as a {@code JsonValue}), a {@link java.util.concurrent.TimeoutException} when no answer
 * came in time (an answer arriving later is dropped), or a {@link ConnectionClosedException} when the connection
 * closed first or was closed already. Answers are matched by id, so calls may complete in any order. Stages
 * complete on the client's executor, never on the thread that reads the socket.
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
 * <p><b>Closing.</b> {@link #close()} closes for good. When the server closes the connection or the network
 * breaks, pending calls fail with {@link ConnectionClosedException}; then the client either closes for good
 * or, with {@link Builder#reconnect(Reconnect)}, reconnects. While it reconnects, {@link #isOpen()} is
 * {@code false} and calls fail at once with {@link ConnectionClosedException}; nothing is replayed.
 *
 * <p>Thread-safe: any thread may call, notify and close. Params may be {@code null} elements; other arguments
 * must not be {@code null}.
 */
public final class JsonRpcClient implements AutoCloseable {

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

    private final Object lock = new Object();
    /** The current connection, or the last one while reconnecting or once closed; written under the lock. */
    private volatile Connection connection;
    /** Closed for good; written under the lock. */
    private volatile boolean closed;
    private final AtomicBoolean finished = new AtomicBoolean();

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
    }

    /**
     * Connects with the defaults: no handlers, a default timeout of 30 seconds, no reconnection.
     *
     * @param uri the server's endpoint, such as {@code ws://127.0.0.1:8080/jsonrpc}
     * @return a connected client
     * @throws UncheckedIOException when the connection cannot be made (refused, handshake failed, timed out)
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

        /** Reconnects with this backoff when the connection is lost; {@code null} (the default) never does. */
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
         * Where handlers run and stages complete. Unless set, the client makes its own (virtual threads on Java 21
         * and newer, else a pool of daemon threads) and shuts it down when it closes; a given executor is never
         * shut down by the client.
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

        /** Told once when the client has closed for good; see {@link CloseListener}. */
        public Builder onClose(CloseListener listener) {
            this.closeListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Connects, waiting at most the connect timeout.
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
                    throw new UncheckedIOException("cannot connect to " + uri + ": " + io.getMessage(), io);
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new UncheckedIOException(new IOException("cannot connect to " + uri + ": " + cause, cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("interrupted connecting to " + uri));
            }
        }

        /**
         * Connects without waiting.
         *
         * @return a stage that completes with the connected client, or exceptionally with the
         *         {@link IOException} of a connection that cannot be made
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
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                }
                client.install(connection);
                return client;
            });
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

    /** Whether the client is connected now: {@code false} once closed and while reconnecting. */
    public boolean isOpen() {
        Connection c = connection;
        return !closed && c != null && c.isOpen();
    }

    /**
     * Calls a method of the server with the default timeout.
     *
     * @param method     the server's method name
     * @param resultType the Java type the {@code result} is bound to ({@code Void.class} to ignore it)
     * @param params     the positional params, serialized with the client's JSON-B
     * @return a stage that completes with the result (possibly {@code null}), or exceptionally with a
     *         {@link JsonRpcException}, a {@link java.util.concurrent.TimeoutException} or a
     *         {@link ConnectionClosedException}; a param that cannot be serialized fails it with the JSON-B exception
     */
    public <T> CompletionStage<T> call(String method, Class<T> resultType, Object... params) {
        return call(defaultTimeout, method, resultType, params);
    }

    /**
     * Calls a method of the server, with a timeout of its own and a possibly generic result type. The timeout
     * comes first so that it is never taken for a param.
     *
     * @param timeout    how long to wait for the answer
     * @param method     the server's method name
     * @param resultType the Java type the {@code result} is bound to, such as a {@code ParameterizedType}
     * @param params     the positional params, serialized with the client's JSON-B
     * @return as {@link #call(String, Class, Object...)}
     */
    public <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Object... params) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(resultType, "resultType");
        return connection().outgoingCalls().request(method, resultType, timeout, params);
    }

    /**
     * Calls a method of the server with the default timeout, its params by position or by name as {@link Params}
     * says: {@code client.call("feed.subscribe", String.class, Params.named().with("topic", "news"))}.
     *
     * @return as {@link #call(String, Class, Object...)}
     */
    public <T> CompletionStage<T> call(String method, Class<T> resultType, Params params) {
        return call(defaultTimeout, method, resultType, params);
    }

    /**
     * Calls a method of the server with a timeout of its own, its params by position or by name as {@link Params}
     * says.
     *
     * @return as {@link #call(String, Class, Object...)}
     */
    public <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Params params) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(params, "params");
        return connection().outgoingCalls().request(method, resultType, timeout, params);
    }

    /**
     * Sends a notification, its params by position or by name as {@link Params} says; otherwise as
     * {@link #notify(String, Object...)}.
     *
     * @throws jakarta.json.bind.JsonbException when a param cannot be serialized
     */
    public void notify(String method, Params params) {
        connection().outgoingCalls().notify(Objects.requireNonNull(method, "method"), Objects.requireNonNull(params, "params"));
    }

    /**
     * Sends a notification: a call that the server does not answer. Returns at once; the frame is queued behind
     * the client's other frames. Does nothing when the client is not connected.
     *
     * @param method the server's method name
     * @param params the positional params, serialized with the client's JSON-B
     * @throws jakarta.json.bind.JsonbException when a param cannot be serialized
     */
    public void notify(String method, Object... params) {
        connection().outgoingCalls().notify(Objects.requireNonNull(method, "method"), params);
    }

    /** A new, empty batch of calls and notifications, sent as one frame by {@link Batch#send()}. */
    public Batch batch() {
        return new Batch(this);
    }

    /**
     * A typed proxy of the server's methods: an interface whose methods carry {@link JsonRpcMethod} (and whose
     * {@link JsonRpcService} names a namespace, if any). A {@code void} method sends a notification; a method
     * returning {@code CompletionStage<T>} calls with the default timeout and completes as
     * {@link #call(Duration, String, Type, Object...)} does. Params go by position, or by name for methods marked
     * {@link io.jsonrpcws.api.NamedParams}. The proxy follows the client across reconnections.
     *
     * @throws IllegalArgumentException when the interface has methods that cannot be sent, listing them all
     */
    public <T> T remote(Class<T> serverInterface) {
        connection().proxy(serverInterface);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "remote " + serverInterface.getName() + " at " + uri;
                };
            }
            Object target = connection().proxy(serverInterface);
            return Proxy.getInvocationHandler(target).invoke(target, method, args);
        };
        return serverInterface.cast(Proxy.newProxyInstance(serverInterface.getClassLoader(),
                new Class<?>[]{serverInterface}, handler));
    }

    /**
     * Closes the connection normally (1000) and for good: frames already queued are sent first, pending calls
     * fail at once with {@link ConnectionClosedException}, reconnection stops, the close listener is told, and an
     * executor the client made is shut down. Returns without waiting for the server's acknowledgement.
     * Idempotent.
     */
    @Override
    public void close() {
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = connection;
        }
        if (c != null) {
            c.close(1000, "");
        }
        finish(1000, "closed by the client");
    }

    @Override
    public String toString() {
        return "JsonRpcClient[" + uri + (isOpen() ? ", open]" : ", not connected]");
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

    /** Makes a new connection the current one; {@code false} when the client closed meanwhile. */
    private boolean install(Connection c) {
        synchronized (lock) {
            if (closed) {
                c.close(1000, "");
                return false;
            }
            connection = c;
        }
        if (c.hasEnded()) {
            connectionEnded(c);
        }
        return true;
    }

    /** Told by a connection when it has ended, once it has failed its pending calls. */
    void connectionEnded(Connection c) {
        boolean reconnecting;
        synchronized (lock) {
            if (c != connection || closed || c.endReported) {
                return;
            }
            c.endReported = true;
            reconnecting = reconnect != null;
            closed = !reconnecting;
        }
        if (reconnecting) {
            LOG.log(Level.INFO, () -> "lost the connection to " + uri + " (" + c.endCode() + " " + c.endReason()
                    + "); reconnecting");
            reconnect(1, c);
        } else {
            finish(c.endCode(), c.endReason());
        }
    }

    private void reconnect(int attempt, Connection lost) {
        Duration delay = reconnect.delay(attempt);
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (closed) {
                return;
            }
            open().whenComplete((c, failure) -> {
                if (failure == null) {
                    if (install(c)) {
                        LOG.log(Level.INFO, () -> "reconnected to " + uri + " at attempt " + attempt);
                    }
                } else if (attempt < reconnect.maxAttempts()) {
                    LOG.log(Level.DEBUG, () -> "reconnection attempt " + attempt + " to " + uri + " failed: " + failure);
                    reconnect(attempt + 1, lost);
                } else {
                    synchronized (lock) {
                        if (closed) {
                            return;
                        }
                        closed = true;
                    }
                    LOG.log(Level.WARNING, () -> "gave up reconnecting to " + uri + " after " + attempt + " attempts: "
                            + failure);
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
            LOG.log(Level.WARNING, "the close listener of the client of " + uri + " failed", e);
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
