package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.connection.FrameScheduler;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.connection.SerialSender;
import io.jsonrpcws.impl.engine.OutgoingCalls;
import io.jsonrpcws.impl.engine.RunningCalls;
import io.jsonrpcws.impl.engine.Subscriptions;
import io.jsonrpcws.impl.engine.RemoteProxies;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One WebSocket connection of the server: the {@link JsonRpcSession} that services see, its connection-scoped
 * beans, and the engine's {@link PeerConnection}. Its frames go through a {@link FrameScheduler} (where and when
 * they run) and its answers through a {@link SerialSender}, as the Java client's do.
 */
final class WebSocketConnection implements JsonRpcSession, Caller {

    private static final System.Logger LOG = System.getLogger(WebSocketConnection.class.getName());

    private final Session webSocket;
    private final HandshakeData handshake;
    private final ConnectionStore store = new ConnectionStore();
    private final Map<String, Object> properties = new ConcurrentHashMap<>();
    private final SerialSender sender;
    private final FrameScheduler<Caller> frames;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final OutgoingCalls outgoing;
    private final Subscriptions subscriptions;
    private final RunningCalls running = new RunningCalls();
    private volatile ScheduledFuture<?> expiry;

    WebSocketConnection(Session webSocket, HandshakeData handshake, JsonRpcRuntime runtime) {
        this.webSocket = webSocket;
        this.handshake = handshake;
        RuntimeConfig config = runtime.config();
        this.sender = new SerialSender(new Transport(webSocket, ContainerFrames.writer(webSocket)),
                config.maxSendQueueBytes(), this, runtime.sendBudget(),
                runtime.executor());
        this.outgoing = runtime.engine().outgoingCalls(sender::send, runtime.executor(), config.requestTimeout(),
                config.clientProtocol());
        this.subscriptions = runtime.engine().subscriptions(sender, this, config.maxSubscriptions(), runtime.executor());
        this.frames = new FrameScheduler<>(runtime.engine(), this, runtime.executor(),
                new FrameScheduler.Limits(config.maxInFlight(), config.maxPendingFrames()), sender,
                config.callTimeout() == null ? null : new FrameScheduler.CallLimit(runtime.timer(), config.callTimeout()));
    }

    /**
     * The container's side of sending: one asynchronous send at a time, as {@link SerialSender} calls it; text frames
     * through the container's own writer when it handed one over ({@link ContainerFrames}).
     */
    private record Transport(Session webSocket, ContainerFrames.TextWriter direct) implements SerialSender.Transport {
        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            if (direct != null) {
                direct.sendText(text, done);
                return;
            }
            RemoteEndpoint.Async remote;
            try {
                remote = webSocket.getAsyncRemote();
            } catch (IllegalStateException e) {
                // Tyrus says so of a session its peer has just closed: routine, as an I/O failure is
                done.accept(new IOException("the connection has closed", e));
                return;
            }
            remote.sendText(text, result -> done.accept(result.isOK() ? null
                    : result.getException() != null ? result.getException() : new IOException("send failed")));
        }

        @Override
        public void sendClose(int code, String reason) {
            closeSession(webSocket, code, reason);
        }
    }

    @Override
    public JsonRpcSession session() {
        return this;
    }

    @Override
    public WebSocketConnection webSocketConnection() {
        return this;
    }

    @Override
    public OutgoingCalls outgoingCalls() {
        return outgoing;
    }

    @Override
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public RunningCalls runningCalls() {
        return running;
    }

    ConnectionStore store() {
        return store;
    }

    Session webSocket() {
        return webSocket;
    }

    /** Takes a text frame on the container's thread; see {@link FrameScheduler}. */
    void onText(String text) {
        frames.onText(text);
    }

    /** Stops starting calls; completes once the calls taken before are answered. */
    CompletableFuture<Void> drain() {
        return frames.drain();
    }

    /** Closes with 1001 after the answers queued. */
    void goAway() {
        if (!sender.close(CloseReason.CloseCodes.GOING_AWAY.getCode(), "server is shutting down")) {
            closeSession(webSocket, CloseReason.CloseCodes.GOING_AWAY.getCode(), "server is shutting down");
        }
    }

    /** Closes the connection when its identity expires, unless it closes first. */
    void expireAfter(ScheduledFuture<?> expiry) {
        this.expiry = expiry;
        if (closed.get()) {
            expiry.cancel(false);
        }
    }

    boolean markClosed() {
        boolean first = closed.compareAndSet(false, true);
        if (first) {
            ScheduledFuture<?> e = expiry;
            if (e != null) {
                e.cancel(false);
            }
            outgoing.closed("connection " + id() + " closed");
            subscriptions.close();
            sender.discard();
            frames.close();
        }
        return first;
    }

    // --- JsonRpcSession

    @Override
    public String id() {
        return webSocket.getId();
    }

    @Override
    public Optional<Principal> userPrincipal() {
        return handshake.identity() == null ? Optional.empty() : Optional.of(handshake.identity().principal());
    }

    @Override
    public boolean isAuthenticated() {
        return handshake.identity() != null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return handshake.identity() != null && handshake.identity().roles().contains(role);
    }

    @Override
    public Map<String, List<String>> headers() {
        return handshake.headers();
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> query = webSocket.getRequestParameterMap();
        return query == null ? Map.of() : Map.copyOf(query);
    }

    @Override
    public Map<String, String> pathParameters() {
        Map<String, String> path = webSocket.getPathParameters();
        return path == null ? Map.of() : Map.copyOf(path);
    }

    @Override
    public Optional<Object> httpSession() {
        return Optional.ofNullable(handshake.httpSession());
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public boolean isOpen() {
        return !closed.get() && webSocket.isOpen();
    }

    @Override
    public void close() {
        close(CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(), "");
    }

    @Override
    public void close(int code, String reason) {
        sender.discard();
        closeSession(webSocket, code, reason);
    }

    private static void closeSession(Session webSocket, int code, String reason) {
        try {
            if (webSocket.isOpen()) {
                webSocket.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing connection " + webSocket.getId() + " failed", e);
        }
    }

    /** A close reason may hold 123 bytes of UTF-8. */
    private static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 123) {
            return reason;
        }
        String cut = new String(bytes, 0, 123, StandardCharsets.UTF_8);
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }

    @Override
    public void notify(String method, Object... params) {
        outgoing.notify(method, params);
    }

    @Override
    public <T> CompletionStage<T> request(String method, Class<T> resultType, Object... params) {
        return outgoing.request(method, resultType, outgoing.defaultTimeout(), params);
    }

    @Override
    public <T> CompletionStage<T> request(Duration timeout, String method, Type resultType, Object... params) {
        return outgoing.request(method, resultType, timeout, params);
    }

    @Override
    public void notify(String method, Params params) {
        outgoing.notify(method, params);
    }

    @Override
    public <T> CompletionStage<T> request(String method, Class<T> resultType, Params params) {
        return outgoing.request(method, resultType, outgoing.defaultTimeout(), params);
    }

    @Override
    public <T> CompletionStage<T> request(Duration timeout, String method, Type resultType, Params params) {
        return outgoing.request(method, resultType, timeout, params);
    }

    @Override
    public <T> T remote(Class<T> clientInterface) {
        return RemoteProxies.create(clientInterface, outgoing);
    }

    @Override
    public String toString() {
        return "JsonRpcSession[" + id() + "]";
    }
}
