package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.codec.ReadFrame;
import io.jsonrpcws.impl.protocol.Incoming;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls of one connection taken and not yet answered, by id, so that the peer can cancel one with
 * {@code $/cancelRequest}: a call that has not started yet is answered -32800 without running; one still in its
 * method has its thread interrupted; one whose {@code CompletionStage} is pending has the stage cancelled; either is
 * then answered with -32800. Calls are registered as their frame is read, in the connection's order, so that a cancel
 * read after its call finds it even when the two run on different threads. A cancel for an id that is not taken, or
 * answered already, is ignored.
 *
 * <p>Thread-safe. An interrupt meant for a call never reaches what its thread runs next.
 */
public final class RunningCalls {

    private final Map<JsonRpcId, Call> calls = new ConcurrentHashMap<>();

    /** One call taken. */
    static final class Call {
        private final JsonRpcId id;
        // guarded by this
        private Thread thread;
        private boolean inside;
        private boolean cancelled;
        private CompletionStage<?> stage;

        private Call(JsonRpcId id) {
            this.id = id;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }
    }

    /** The requests of a frame just read are taken: each may be cancelled from now on. */
    public void accepted(ReadFrame frame) {
        if (frame.single() != null) {
            accepted(frame.single());
        } else if (frame.batch() != null) {
            frame.batch().forEach(this::accepted);
        }
    }

    private void accepted(Incoming message) {
        if (message instanceof Incoming.Request r && (r.id() instanceof JsonRpcId.Number || r.id() instanceof JsonRpcId.Text)) {
            calls.putIfAbsent(r.id(), new Call(r.id()));
        }
    }

    /**
     * A call starts on this thread; {@code null} when it was not taken through {@link #accepted} or its id is running
     * already (a peer that reuses ids has only the first cancellable). The caller answers -32800 without running it
     * when it is {@link Call#cancelled()} already.
     */
    Call started(JsonRpcId id) {
        Call call = id == null ? null : calls.get(id);
        if (call == null) {
            return null;
        }
        synchronized (call) {
            if (call.thread != null) {
                return null;
            }
            call.thread = Thread.currentThread();
            call.inside = !call.cancelled;
        }
        return call;
    }

    /** A call taken is answered without running (refused, or answered by the engine itself). */
    void skipped(JsonRpcId id) {
        Call call = id == null ? null : calls.get(id);
        if (call != null) {
            synchronized (call) {
                if (call.thread != null) {
                    return; // another call with this id runs
                }
            }
            calls.remove(id, call);
        }
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
            if (call.inside && call.thread != null) {
                call.thread.interrupt();
            }
            stage = call.stage;
        }
        if (stage != null) {
            stage.toCompletableFuture().cancel(true);
        }
    }
}
