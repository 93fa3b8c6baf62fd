package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.impl.engine.CallsToPeer;
import io.jsonrpcws.impl.engine.OutgoingCalls;
import io.jsonrpcws.impl.engine.ReadFrame;
import io.jsonrpcws.impl.engine.RemoteProxies;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection: the {@link JsonRpcSession} that services see, its connection-scoped beans,
 * its serial sender, and the dispatch of its frames to the call executor.
 *
 * <p>Frames are handed to the executor as they arrive, at most {@code maxInFlight} at a time; the others
 * wait in arrival order, at most {@code maxPendingFrames}, and one more closes the connection (1008). So a
 * slow method delays only the frames queued behind the cap on its own connection, and the thread that
 * delivered the frame is never blocked. With {@code maxInFlight = 1} frames are processed in order.
 */
final class WebSocketConnection implements JsonRpcSession, CallsToPeer {

    private static final System.Logger LOG = System.getLogger(WebSocketConnection.class.getName());

    private final Session webSocket;
    private final HandshakeData handshake;
    private final JsonRpcRuntime runtime;
    private final ConnectionStore store = new ConnectionStore();
    private final Map<String, Object> properties = new ConcurrentHashMap<>();
    private final SerialSender sender;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final OutgoingCalls outgoing;

    private final ArrayDeque<ReadFrame> pending = new ArrayDeque<>();
    private int inFlight;

    WebSocketConnection(Session webSocket, HandshakeData handshake, JsonRpcRuntime runtime) {
        this.webSocket = webSocket;
        this.handshake = handshake;
        this.runtime = runtime;
        this.sender = new SerialSender(webSocket, runtime.config().maxSendQueueBytes(),
                () -> close(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), "client is not reading its answers"));
        this.outgoing = runtime.engine().outgoingCalls(sender::send, runtime.executor(), runtime.config().requestTimeout());
    }

    @Override
    public OutgoingCalls outgoingCalls() {
        return outgoing;
    }

    ConnectionStore store() {
        return store;
    }

    Session webSocket() {
        return webSocket;
    }

    /**
     * Takes a text frame on the container's thread. The frame is read here; answers to this side's calls
     * and refusals are settled at once, so that a service method awaiting its client's answer gets it even
     * while its own connection's calls queue behind it; calls of methods go to the executor, unless every
     * one of them is {@code @NonBlocking} and the connection is not in order, when they run here too.
     */
    void onText(String text) {
        ReadFrame frame = runtime.engine().read(text);
        RuntimeConfig config = runtime.config();
        if (!frame.callsMethods() || (!config.inOrder() && !frame.mayBlock())) {
            runtime.engine().execute(frame, this).thenAccept(this::sendAnswer);
            return;
        }
        synchronized (this) {
            if (inFlight < config.maxInFlight()) {
                inFlight++;
            } else if (pending.size() < config.maxPendingFrames()) {
                pending.add(frame);
                return;
            } else {
                pending.clear();
                frame = null;
            }
        }
        if (frame == null) {
            close(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), "too many calls in flight");
            return;
        }
        start(frame);
    }

    private void sendAnswer(String text) {
        if (text != null) {
            sender.send(text);
        }
    }

    private void start(ReadFrame frame) {
        try {
            runtime.executor().execute(() -> process(frame));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "the call executor refused work; closing connection " + id(), e);
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "server is shutting down or overloaded");
        }
    }

    private void process(ReadFrame frame) {
        CompletionStage<String> answer;
        try {
            answer = runtime.engine().execute(frame, this);
        } catch (RuntimeException | Error e) {
            // the engine answers every frame; reaching here is a bug, and must not stall the connection
            LOG.log(Level.ERROR, "the engine failed on a frame of connection " + id(), e);
            finished();
            return;
        }
        answer.whenComplete((text, failure) -> {
            sendAnswer(text);
            finished();
        });
    }

    private void finished() {
        ReadFrame next;
        synchronized (this) {
            next = pending.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        start(next);
    }

    boolean markClosed() {
        boolean first = closed.compareAndSet(false, true);
        if (first) {
            outgoing.closed("connection " + id() + " closed");
            sender.close();
            synchronized (this) {
                pending.clear();
            }
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
        return Optional.ofNullable(webSocket.getUserPrincipal());
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
        try {
            if (webSocket.isOpen()) {
                webSocket.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason)));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "closing connection " + id() + " failed", e);
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
    public <T> T remote(Class<T> clientInterface) {
        return RemoteProxies.create(clientInterface, outgoing);
    }

    @Override
    public String toString() {
        return "JsonRpcSession[" + id() + "]";
    }
}
