package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.protocol.JsonRpcId;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls of one connection that run now, by id, so that the peer can cancel one with {@code $/cancelRequest}: a
 * call still in its method has its thread interrupted, one whose {@code CompletionStage} is pending has the stage
 * cancelled; either is then answered with -32800. A cancel for an id that is not running is ignored.
 *
 * <p>Thread-safe. An interrupt meant for a call never reaches what its thread runs next.
 */
public final class RunningCalls {

    private final Map<JsonRpcId, Call> calls = new ConcurrentHashMap<>();

    /** One running call. */
    static final class Call {
        private final JsonRpcId id;
        private final Thread thread = Thread.currentThread();
        // guarded by this
        private boolean inside = true;
        private boolean cancelled;
        private CompletionStage<?> stage;

        private Call(JsonRpcId id) {
            this.id = id;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }
    }

    /**
     * A call starts on this thread; {@code null} when its id is running already (a peer that reuses ids has only the
     * first cancellable) or is null.
     */
    Call started(JsonRpcId id) {
        if (!(id instanceof JsonRpcId.Number) && !(id instanceof JsonRpcId.Text)) {
            return null;
        }
        Call call = new Call(id);
        return calls.putIfAbsent(id, call) == null ? call : null;
    }

    /** Its method has returned or thrown, on the thread that started it. */
    void returned(Call call) {
        synchronized (call) {
            call.inside = false;
            if (call.cancelled) {
                Thread.interrupted(); // the interrupt was for the call, not for the thread's next task
            }
        }
    }

    /** Its method returned a stage that is not complete yet; cancelled at once if the call was. */
    void pending(Call call, CompletionStage<?> stage) {
        boolean cancel;
        synchronized (call) {
            call.stage = stage;
            cancel = call.cancelled;
        }
        if (cancel) {
            stage.toCompletableFuture().cancel(true);
        }
    }

    /** It is answered, or about to be. */
    void finished(Call call) {
        calls.remove(call.id, call);
    }

    /** Cancels the running call with this id, given as the JSON of {@code $/cancelRequest}'s {@code id}. */
    void cancel(JsonValue id) {
        JsonRpcId key = id instanceof JsonNumber n ? new JsonRpcId.Number(n.toString())
                : id instanceof JsonString s ? new JsonRpcId.Text(s.getString()) : null;
        Call call = key == null ? null : calls.get(key);
        if (call == null) {
            return;
        }
        CompletionStage<?> stage;
        synchronized (call) {
            if (call.cancelled) {
                return;
            }
            call.cancelled = true;
            if (call.inside) {
                call.thread.interrupt();
            }
            stage = call.stage;
        }
        if (stage != null) {
            stage.toCompletableFuture().cancel(true);
        }
    }
}
