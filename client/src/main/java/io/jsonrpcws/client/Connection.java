package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.impl.connection.FrameScheduler;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.connection.SendBudget;
import io.jsonrpcws.impl.connection.SerialSender;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.engine.OutgoingCalls;
import io.jsonrpcws.impl.protocol.PeerProtocol;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.System.Logger.Level;
import java.net.http.WebSocket;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One WebSocket connection of a {@link JsonRpcClient}: its calls to the server, and the listener of its frames.
 * The JDK delivers frames one at a time on its own thread; they go through a {@link FrameScheduler} and every
 * outgoing frame through a {@link SerialSender}, as on the server. A reconnecting client makes a new one per
 * connection.
 */
final class Connection implements PeerConnection, WebSocket.Listener {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    /** The longest text frame accepted from the server, in characters; a longer one closes with 1009. */
    static final int MAX_FRAME = 64 << 20;

    /** Characters queued for sending at most; a server that lets this much pile up is not reading. */
    static final long MAX_QUEUED = 16L << 20;

    /**
     * The server's frames running at once and waiting: the handlers are the application's, a server flooding
     * them beyond this is cut off (1008).
     */
    private static final FrameScheduler.Limits SCHEDULING = new FrameScheduler.Limits(64, 16_384);

    /** How long a closing connection waits for the server's close frame before it is cut. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** What tells the server that the client cancelled a call, as LSP has it. */
    private static final String CANCEL = "$/cancelRequest";

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    final JsonRpcClient client;
    private final JsonRpcEngine<Connection> engine;
    private final Executor executor;
    private final OutgoingCalls outgoing;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    /** Set on the thread that collects the frames of a batch; the frames then go out as one array. */
    private final ThreadLocal<List<String>> collecting = new ThreadLocal<>();
    private volatile WebSocket webSocket;
    private volatile SerialSender sender;
    private volatile FrameScheduler<Connection> frames;
    private volatile int endCode;
    private volatile String endReason = "";
    /** Guarded by the client's lock: whether the client has taken note of the end. */
    boolean endReported;
    /** The server's subscriptions on this connection, by id. */
    private final Map<String, ClientSubscription> subscriptions = new ConcurrentHashMap<>();
    /** Guarded by {@link #reading}: subscriptions over their bound, and whether reading waits for them. */
    private int lagging;
    private boolean paused;
    private final Object reading = new Object();

    Connection(JsonRpcClient client, JsonRpcEngine<Connection> engine, Executor executor, Duration defaultTimeout) {
        this.client = client;
        this.engine = engine;
        this.executor = executor;
        // the client speaks 2.0 from its first frame, whatever the server's calls to it look like
        this.outgoing = engine.outgoingCalls(this::send, this::complete, defaultTimeout, PeerProtocol.V2_0, CANCEL);
    }

    /** Completes awaited answers on the executor, or right here once the executor is shut down. */
    private void complete(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    @Override
    public OutgoingCalls outgoingCalls() {
        return outgoing;
    }

    boolean isOpen() {
        return sender != null && !ended.get();
    }

    boolean hasEnded() {
        return ended.get();
    }

    int endCode() {
        return endCode;
    }

    String endReason() {
        return endReason;
    }

    // --- sending

    private void send(String text) {
        List<String> batch = collecting.get();
        if (batch != null) {
            batch.add(text);
        } else {
            SerialSender s = sender;
            if (s != null) {
                s.send(text);
            }
        }
    }

    /**
     * Sends the members of a batch as one frame; calls whose stage has completed already (their time ran out while
     * the batch waited for a connection) are left out.
     *
     * @return {@code false}, sending nothing, when the connection has closed
     * @throws RuntimeException when a param cannot be written; nothing is sent then, and the stages of the
     *                          batch's calls fail with the same exception
     */
    boolean sendBatch(Outgoing.BatchOf batch) {
        if (outgoing.isClosed()) {
            return false;
        }
        List<String> texts = new ArrayList<>(batch.members().size());
        RuntimeException failure = null;
        collecting.set(texts);
        try {
            for (Batch.Member m : batch.members()) {
                if (m.stage() == null) {
                    outgoing.notify(m.method(), m.params());
                } else if (!m.stage().isDone()) {
                    if (!outgoing.request(m.method(), m.resultType(), m.timeout(), batch.madeAt(), m.params(), m.stage())) {
                        m.stage().completeExceptionally(new ConnectionClosedException("the connection to " + client.uri()
                                + " closed while a batch was sent; " + m.method() + " was not sent"));
                    } else if (refusal(m.stage()) instanceof RuntimeException e && !(e instanceof ConnectionClosedException)) {
                        failure = e;
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            collecting.remove();
        }
        if (failure != null) {
            for (Batch.Member m : batch.members()) {
                if (m.stage() != null) {
                    m.stage().completeExceptionally(failure);
                }
            }
            throw failure;
        }
        if (!texts.isEmpty()) {
            SerialSender s = sender;
            if (s != null) {
                s.send("[" + String.join(",", texts) + "]");
            }
        }
        return true;
    }

    /** Why a stage failed at once (a param that cannot be serialized, a closed connection); else {@code null}. */
    private static Throwable refusal(CompletableFuture<Object> stage) {
        if (!stage.isCompletedExceptionally()) {
            return null;
        }
        return stage.handle((value, failure) -> failure).join();
    }

    // --- subscriptions

    void register(String id, ClientSubscription subscription) {
        subscriptions.put(id, subscription);
    }

    void forget(String id) {
        subscriptions.remove(id);
    }

    /**
     * Ends the server's subscription; its answer is not awaited (nor its failure, once the connection is gone). Until
     * it comes, the items the server sent before it read the request still reach the subscription, which drops them;
     * none follows the answer.
     */
    void unsubscribe(String method, String id) {
        if (outgoing.isClosed()) {
            forget(id);
            return;
        }
        outgoing.request(method, Boolean.class, client.defaultTimeout(), new Object[]{id}).whenComplete((found, failure) -> {
            forget(id);
            if (failure != null) {
                LOG.log(Level.DEBUG, () -> "unsubscribing " + id + " with " + method + " at " + client.uri() + " failed", failure);
            }
        });
    }

    /** A subscription holds more items than its bound: no more frames are read until it has caught up. */
    void lagging() {
        synchronized (reading) {
            lagging++;
        }
    }

    /** A subscription that was {@link #lagging} has caught up; reading goes on once none lags. */
    void caughtUp() {
        WebSocket resume = null;
        synchronized (reading) {
            lagging--;
            if (lagging == 0 && paused) {
                paused = false;
                resume = webSocket;
            }
        }
        if (resume != null) {
            resume.request(1);
        }
    }

    /** Whether the next frame may be read now; if not, it is once no subscription lags. */
    private boolean mayRead() {
        synchronized (reading) {
            paused = lagging > 0;
            return !paused;
        }
    }

    /**
     * Routes a notification of one of this connection's subscriptions to it, on the reading thread, so that items
     * keep their order and follow the subscribe request's answer.
     *
     * @return whether the frame was such a notification
     */
    private boolean routed(String text) {
        if (subscriptions.isEmpty() || !text.contains("\"subscription\"")) {
            return false;
        }
        JsonObject message;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o)) {
                return false;
            }
            message = o;
        } catch (JsonException e) {
            return false;
        }
        if (message.containsKey("id") || !(message.get("method") instanceof JsonString method)
                || !(message.get("params") instanceof JsonObject params)
                || !(params.get("subscription") instanceof JsonString id)) {
            return false;
        }
        ClientSubscription subscription = subscriptions.get(id.getString());
        if (subscription == null || !subscription.notification.equals(method.getString())) {
            return false;
        }
        subscription.received(this, id.getString(), params);
        return true;
    }

    // --- closing

    /**
     * Closes: queued frames go out, then the close frame, and pending calls fail at once. Where no close frame
     * can follow (the sender failed), the connection is cut at once.
     */
    @Override
    public void close(int code, String reason) {
        SerialSender s = sender;
        if (s != null && !s.close(code, reason)) {
            abort(reason);
            return;
        }
        end(code, reason, false);
        WebSocket ws = webSocket;
        if (ws != null) {
            CompletableFuture.delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (!ws.isInputClosed()) {
                    ws.abort();
                }
            });
        }
    }

    /** Cuts the connection at once. */
    private void abort(String why) {
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
        end(1006, why, true);
    }

    private void end(int code, String reason, boolean discard) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        endCode = code;
        endReason = reason == null ? "" : reason;
        SerialSender s = sender;
        if (discard && s != null) {
            s.discard();
        }
        FrameScheduler<Connection> f = frames;
        if (f != null) {
            f.close();
        }
        outgoing.closed("connection to " + client.uri() + " closed (" + code
                + (endReason.isEmpty() ? "" : " " + endReason) + ")");
        client.connectionEnded(this);
    }

    // --- WebSocket.Listener, called by the JDK one at a time

    /** Takes the WebSocket; called from {@link #onOpen} and when the handshake's future completes. */
    synchronized void attach(WebSocket ws) {
        if (webSocket == null) {
            webSocket = ws;
            sender = new SerialSender(new Transport(ws), MAX_QUEUED, this, SendBudget.unbounded(), executor);
            frames = new FrameScheduler<>(engine, this, executor, SCHEDULING, sender);
        }
    }

    /** The JDK's side of sending: one send in flight, as {@link SerialSender} calls it. */
    private record Transport(WebSocket ws) implements SerialSender.Transport {
        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            ws.sendText(text, true).whenComplete((sent, failure) -> done.accept(failure));
        }

        @Override
        public void sendClose(int code, String reason) {
            try {
                ws.sendClose(code, reason).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        ws.abort();
                    }
                });
            } catch (RuntimeException e) {
                ws.abort();
            }
        }
    }

    @Override
    public void onOpen(WebSocket ws) {
        attach(ws);
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        if (partial.length() + data.length() > MAX_FRAME) {
            partial.setLength(0);
            SerialSender s = sender;
            if (s != null) {
                s.close(1009, "frame larger than " + MAX_FRAME + " characters");
            }
            end(1009, "the server sent a frame larger than " + MAX_FRAME + " characters", false);
            return null;
        }
        if (last) {
            String text;
            if (partial.length() == 0) {
                // a whole frame, the usual case: one copy of its text, not two through the builder
                text = data.toString();
            } else {
                text = partial.append(data).toString();
                partial.setLength(0);
            }
            received(text);
            if (!mayRead()) {
                return null;
            }
        } else {
            partial.append(data);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        SerialSender s = sender;
        if (s != null) {
            s.close(1003, "binary frames are not JSON-RPC");
        }
        end(1003, "the server sent a binary frame", false);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        end(statusCode, reason, true);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        LOG.log(Level.DEBUG, () -> "connection to " + client.uri() + " failed", error);
        end(1006, Failures.why(error), true);
    }

    private void received(String text) {
        if (routed(text)) {
            return;
        }
        FrameScheduler<Connection> f = frames;
        if (f != null) {
            f.onText(text);
        }
    }
}
