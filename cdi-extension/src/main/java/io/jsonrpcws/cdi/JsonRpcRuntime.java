package io.jsonrpcws.cdi;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcAuthenticationException;
import io.jsonrpcws.api.JsonRpcAuthenticator;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcIdentity;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import io.jsonrpcws.api.SessionClosed;
import io.jsonrpcws.api.SessionOpened;
import io.jsonrpcws.impl.connection.SendBudget;
import io.jsonrpcws.impl.invoke.ExceptionMappers;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.model.MethodTable;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a deployment's connections share: the engine with the application's method table, JSON-B
 * and exception mappers; the executor of calls; the connection context and its events; the registry of
 * open connections. Built once after deployment validation; thread-safe.
 */
public final class JsonRpcRuntime {

    private static final System.Logger LOG = System.getLogger(JsonRpcRuntime.class.getName());

    private final RuntimeConfig config;
    private final JsonRpcEngine<Caller> engine;
    private final ConnectionContext connections;
    private final CdiInvocationScope scope;
    private final CallExecutors.Choice executor;
    private final Event<Object> events;
    private final OpenSessions open;
    /** Closed connections whose {@link #fireClosed} has not ended yet: a stop waits for them. */
    private final AtomicInteger tearingDown = new AtomicInteger();
    private final JsonRpcAuthenticator authenticator;
    /** Every role that a service method names: the container's user is asked for these at the handshake. */
    private final Set<String> roles;
    private final ScheduledExecutorService timer;
    private final Heartbeat heartbeat;
    private final SendBudget sendBudget;
    private volatile boolean stopping;
    /** The HTTP requests whose calls run, each completed when they end: a stop waits for them as for connections. */
    private final Set<CompletableFuture<Void>> httpCalls = ConcurrentHashMap.newKeySet();
    private final ConnectionSlots slots;
    private final Startup startup;

    private JsonRpcRuntime(RuntimeConfig config, JsonRpcEngine<Caller> engine, ConnectionContext connections,
                           CdiInvocationScope scope, CallExecutors.Choice executor, Event<Object> events,
                           OpenSessions open, JsonRpcAuthenticator authenticator, Set<String> roles,
                           Startup startup) {
        this.startup = startup;
        this.authenticator = authenticator;
        this.sendBudget = new SendBudget(config.maxSendQueueTotal());
        this.roles = roles;
        this.config = config;
        this.engine = engine;
        this.connections = connections;
        this.scope = scope;
        this.executor = executor;
        this.events = events;
        this.open = open;
        this.slots = new ConnectionSlots(config.maxConnections());
        this.timer = newTimer();
        this.heartbeat = new Heartbeat(timer, config.pingInterval(), config.idleTimeout(), executor.executor(), this::closed);
    }

    /** One daemon thread for every timed check of the runtime and its transport; never one per connection. */
    private static ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "jsonrpcws-timer");
            thread.setDaemon(true);
            return thread;
        });
        // a cancelled check or expiry leaves the queue at once: a closed connection must not stay queued
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timer;
    }

    static JsonRpcRuntime create(BeanManager beanManager, ApplicationBeans applicationBeans, MethodTable methods,
                                 ConnectionContext connections, OpenSessions open, RuntimeConfig config,
                                 String invocation) {
        Instance<Object> beans = beanManager.createInstance();
        CdiInvocationScope scope = new CdiInvocationScope(connections, beans.select(RequestContextController.class));
        List<String> mapperNames = new ArrayList<>();
        JsonRpcEngine.Builder<Caller> engine = JsonRpcEngine.<Caller>builder()
                .methods(methods)
                .limits(config.limits())
                .maxOutgoingMessage(config.maxOutgoingMessage())
                .invocationScope(scope)
                .exceptionMappers(exceptionMappers(beanManager, applicationBeans, mapperNames));
        String jsonbSource = "defaults";
        Bean<?> jsonb = applicationBeans.resolve(beanManager, Jsonb.class);
        Bean<?> jsonbConfig = jsonb == null ? applicationBeans.resolve(beanManager, JsonbConfig.class) : null;
        if (jsonb != null) {
            engine.jsonb((Jsonb) ApplicationBeans.reference(beanManager, jsonb, Jsonb.class));
            jsonbSource = "the application's Jsonb (" + jsonb.getBeanClass().getName() + ")";
        } else if (jsonbConfig != null) {
            engine.jsonbConfig((JsonbConfig) ApplicationBeans.reference(beanManager, jsonbConfig, JsonbConfig.class));
            jsonbSource = "the application's JsonbConfig (" + jsonbConfig.getBeanClass().getName() + ")";
        }
        CallExecutors.Choice executor = CallExecutors.choose(config.executor());
        Bean<?> authenticatorBean = applicationBeans.resolve(beanManager, JsonRpcAuthenticator.class);
        JsonRpcAuthenticator authenticator = authenticatorBean == null ? null
                : (JsonRpcAuthenticator) ApplicationBeans.reference(beanManager, authenticatorBean, JsonRpcAuthenticator.class);
        // the application's methods: those that end subscriptions and $/cancelRequest come with the table
        int applicationMethods = (int) methods.methods().stream().filter(m -> m.invoker() != null).count();
        Startup startup = new Startup(applicationMethods, mapperNames, jsonbSource,
                authenticatorBean == null ? null : authenticatorBean.getBeanClass().getName(),
                executor.description() + "; services invoked through " + invocation,
                applicationBeans.beanClasses());
        Set<String> roles = new HashSet<>();
        methods.methods().forEach(m -> roles.addAll(m.access().roles()));
        return new JsonRpcRuntime(config, engine.build(), connections, scope, executor, beanManager.getEvent(), open,
                authenticator, Set.copyOf(roles), startup);
    }

    /**
     * Logs the startup line for the endpoint at {@code where}, and a warning for each of {@code customisers} (the
     * application's classes that would customise the runtime, where the container tells them) that is not used.
     */
    public void announce(String where, Collection<Class<?>> customisers) {
        LOG.log(Level.INFO, startup.line(where, config.http()));
        startup.unused(customisers).forEach(warning -> LOG.log(Level.WARNING, warning));
    }

    /** The mapper beans, each checked, named into {@code names}; every problem is reported, together. */
    private static ExceptionMappers exceptionMappers(BeanManager beanManager, ApplicationBeans applicationBeans,
                                                     List<String> names) {
        ExceptionMappers.Builder mappers = ExceptionMappers.builder();
        Map<Class<?>, Bean<?>> byHandled = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Bean<?> bean : applicationBeans.all(JsonRpcExceptionMapper.class)) {
            Class<? extends Throwable> handled = handledType(bean.getTypes());
            if (handled == null) {
                problems.add("exception mapper " + bean.getBeanClass().getName()
                        + " must declare its exception type: implements JsonRpcExceptionMapper<YourException>");
                continue;
            }
            // checked here, by bean class: the builder would name the classes of the client proxies
            Bean<?> other = byHandled.putIfAbsent(handled, bean);
            if (other != null) {
                problems.add("exception mappers " + other.getBeanClass().getName() + " and "
                        + bean.getBeanClass().getName() + " both map " + handled.getName());
                continue;
            }
            mappers.add(handled, (JsonRpcExceptionMapper<?>) ApplicationBeans.reference(beanManager, bean,
                    JsonRpcExceptionMapper.class));
            names.add(bean.getBeanClass().getName() + " (" + handled.getName() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid JSON-RPC exception mappers:\n  " + String.join("\n  ", problems));
        }
        if (!byHandled.containsKey(ContextNotActiveException.class)) {
            // @ConnectionScoped over HTTP, or a scope the application never activates: say so, not just "Internal error"
            mappers.add(ContextNotActiveException.class, (ContextNotActiveException e) -> new JsonRpcException(
                    JsonRpcErrorCodes.CONTEXT_NOT_ACTIVE,
                    "the method needs a context that is not active for this call (a @ConnectionScoped bean over HTTP?)"));
        }
        return mappers.build();
    }

    private static Class<? extends Throwable> handledType(Collection<Type> beanTypes) {
        for (Type t : beanTypes) {
            if (t instanceof ParameterizedType p && p.getRawType() == JsonRpcExceptionMapper.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> c && Throwable.class.isAssignableFrom(c)) {
                return c.asSubclass(Throwable.class);
            }
        }
        return null;
    }

    /** The settings this runtime runs with. */
    public RuntimeConfig config() {
        return config;
    }

    /** The bound on what all connections may have queued for sending together. */
    SendBudget sendBudget() {
        return sendBudget;
    }

    JsonRpcEngine<Caller> engine() {
        return engine;
    }

    ExecutorService executor() {
        return executor.executor();
    }

    /**
     * The runtime's timer thread, for a transport's timed checks (such as the standalone runtime's HTTP read
     * deadlines). Tasks must be short and never block; the timer stops with the runtime.
     */
    public ScheduledExecutorService timer() {
        return timer;
    }

    Heartbeat heartbeat() {
        return heartbeat;
    }

    private void onExecutor(Runnable action) {
        try {
            executor.executor().execute(action);
        } catch (RejectedExecutionException shuttingDown) {
            action.run();
        }
    }

    /** The slots of {@code jsonrpcws.max-connections}: the endpoint takes one per connection, {@link #closed} frees it. */
    ConnectionSlots connectionSlots() {
        return slots;
    }

    /**
     * Decides who a handshake's caller is: the application's {@link JsonRpcAuthenticator} where it has one,
     * otherwise the container's authenticated user and those of the services' roles it has.
     */
    HandshakeData authenticate(HandshakeData handshake, ContainerUser user) {
        if (authenticator != null) {
            try {
                return handshake.authenticated(authenticator.authenticate(handshake).orElse(null), null);
            } catch (JsonRpcAuthenticationException e) {
                return handshake.authenticated(null, e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "JRWS-0401 the authenticator failed; the handshake is refused", e);
                return handshake.authenticated(null, new JsonRpcAuthenticationException(401, "authentication failed"));
            }
        }
        Principal principal = user.principal();
        if (principal == null) {
            return handshake;
        }
        Set<String> held = new HashSet<>();
        for (String role : roles) {
            if (user.isInRole(role)) {
                held.add(role);
            }
        }
        return handshake.authenticated(new JsonRpcIdentity(principal, held, null), null);
    }

    /**
     * Sets up a connection that has just opened, which holds one of the {@link #connectionSlots()}: registers it,
     * fires {@code @Initialized} and {@link SessionOpened}. A refused connection is closed with 1008 and its reason.
     */
    /**
     * Fires {@link SessionOpened} for an HTTP request's caller, with a request context active.
     *
     * @return the reason an observer refused it for, or {@code null} when it is admitted
     */
    String admit(HttpCaller caller) {
        // a stopping runtime refuses the request's calls when they are to start (httpCallsStarting), with 503
        Object token = scope.begin(caller);
        try {
            SessionOpened opened = new SessionOpened(caller);
            events.select(SessionOpened.class).fire(opened);
            return opened.refusal();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "JRWS-0402 an observer of SessionOpened failed on an HTTP request; it is refused", e);
            return "internal error";
        } finally {
            scope.end(token);
        }
    }

    WebSocketConnection open(Session webSocket, HandshakeData handshake) {
        webSocket.setMaxTextMessageBufferSize(config.maxMessageSize());
        webSocket.setMaxBinaryMessageBufferSize(125);
        WebSocketConnection connection = new WebSocketConnection(webSocket, handshake, this);
        if (stopping) {
            connection.close(CloseReason.CloseCodes.GOING_AWAY.getCode(), "server is shutting down");
            return connection;
        }
        if (handshake.refusal() != null) {
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), handshake.refusal().getMessage());
            return connection;
        }
        Instant expiresAt = handshake.identity() == null ? null : handshake.identity().expiresAt();
        if (expiresAt != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
            // the close runs observers: on the call executor, so that the shared timer never waits for them
            connection.expireAfter(timer.schedule(() -> onExecutor(() -> connection.close(
                    CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), "identity expired")), delay, TimeUnit.MILLISECONDS));
        }
        open.add(connection);
        Object token = scope.begin(connection);
        try {
            events.select(Initialized.Literal.of(ConnectionScoped.class)).fire(connection);
            SessionOpened opened = new SessionOpened(connection);
            events.select(SessionOpened.class).fire(opened);
            if (opened.refusal() != null) {
                connection.close(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), opened.refusal());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of the connection's opening failed; closing it", e);
            connection.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "internal error");
        } finally {
            scope.end(token);
        }
        return connection;
    }

    /**
     * Tears a closed connection down: {@link SessionClosed}, then its connection-scoped beans, on the call
     * executor. Observers and {@code @PreDestroy} methods are the application's code and may block, and the
     * close may have been read by a thread that serves many connections (the standalone runtime's selector).
     */
    void closed(WebSocketConnection connection, CloseReason reason) {
        if (!connection.markClosed()) {
            return;
        }
        slots.release();
        open.remove(connection);
        tearingDown.incrementAndGet();
        try {
            executor.executor().execute(() -> tearDown(connection, reason));
        } catch (RejectedExecutionException stopped) {
            tearDown(connection, reason);
        }
    }

    private void tearDown(WebSocketConnection connection, CloseReason reason) {
        try {
            fireClosed(connection, reason);
        } finally {
            tearingDown.decrementAndGet();
        }
    }

    private void fireClosed(WebSocketConnection connection, CloseReason reason) {
        Object token = scope.begin(connection);
        try {
            events.select(SessionClosed.class).fire(new SessionClosed(connection, reason.getCloseCode().getCode(),
                    reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase()));
            events.select(BeforeDestroyed.Literal.of(ConnectionScoped.class)).fire(connection);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of the connection's closing failed", e);
        } finally {
            connection.store().destroyAll();
            scope.end(token);
        }
        try {
            events.select(Destroyed.Literal.of(ConnectionScoped.class)).fire(connection);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of @Destroyed(ConnectionScoped.class) failed", e);
        }
    }

    /** Whether {@link #stop()} has begun: nothing new is to start. */
    boolean stopping() {
        return stopping;
    }

    /**
     * An HTTP request's calls are about to run; the stage returned is to be completed when they have ended.
     *
     * @return {@code null} when the runtime is stopping: the calls must not start
     */
    synchronized CompletableFuture<Void> httpCallsStarting() {
        if (stopping) {
            return null;
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        httpCalls.add(answered);
        answered.whenComplete((done, failure) -> httpCalls.remove(answered));
        return answered;
    }

    /**
     * Stops gracefully: new connections are closed at once (1001), open ones start no more calls, and neither do
     * HTTP requests; the calls taken before, over WebSocket and HTTP, are answered, for at most
     * {@code jsonrpcws.drain-timeout}; then every connection is closed with 1001, after its queued answers, and
     * their pending calls to clients fail with {@code ConnectionClosedException}. Idempotent; blocks the calling
     * thread while it drains.
     */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        List<WebSocketConnection> connections = open.connections();
        CompletableFuture<?>[] drained = connections.stream().map(WebSocketConnection::drain)
                .toArray(CompletableFuture[]::new);
        // no HTTP request starts calls once stopping is set, so these are all there will be
        List<CompletableFuture<Void>> http = List.copyOf(httpCalls);
        try {
            CompletableFuture.allOf(java.util.stream.Stream.concat(java.util.Arrays.stream(drained), http.stream())
                    .toArray(CompletableFuture[]::new)).get(config.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            long left = java.util.Arrays.stream(drained).filter(f -> !f.isDone()).count();
            long leftHttp = http.stream().filter(f -> !f.isDone()).count();
            LOG.log(Level.WARNING, "JRWS-0501 " + left + " connections and " + leftHttp + " HTTP requests still had"
                    + " calls running after the drain timeout of " + config.drainTimeout().toMillis()
                    + " ms; closing them anyway");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.ERROR, "draining failed", e);
        }
        connections.forEach(WebSocketConnection::goAway);
        // the close frames go out after the answers; give the peers a moment to answer them
        long closeDeadline = Math.max(deadline, System.nanoTime()) + TimeUnit.SECONDS.toNanos(2);
        while ((!open.isEmpty() || tearingDown.get() > 0) && System.nanoTime() < closeDeadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Stops (see {@link #stop()}), then the timer, and the executor if the runtime owns it. */
    void shutdown() {
        stop();
        heartbeat.stop();
        timer.shutdownNow();
        if (executor.owned()) {
            executor.executor().shutdown();
        }
        scope.close();
    }
}
