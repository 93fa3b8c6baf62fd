package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.codec.ReadFrame;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One HTTP request in progress, from the first byte of its body to its answer, driven by its transport's
 * callbacks: {@link #append} as bytes arrive, {@link #end} when the body is complete, {@link #fail} when reading
 * fails. The calls run on the engine, and the answer is sent when their stage completes; nothing waits on a
 * thread. Exactly one answer is sent, whichever comes first: the calls' answer, 413 when the body grows beyond
 * {@code jsonrpcws.max-message-size}, or, after {@code jsonrpcws.http-timeout}, 408 while the body is still
 * arriving and 504 while the calls are still running (their answers are then dropped). Calls that may block run on
 * the call executor, as over WebSocket; a frame of {@code @NonBlocking} calls only runs on the thread that read it.
 * Its transport may call {@link #timeOut} from its own timer too. Thread-safe; the reading callbacks come one at a
 * time.
 */
public final class HttpExchange {

    private static final System.Logger LOG = System.getLogger(HttpExchange.class.getName());

    private final JsonRpcRuntime runtime;
    private final HttpCaller caller;
    private final Consumer<HttpCalls.Answer> responder;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The time-out on the runtime's timer, cancelled by the answer; {@code null} once the runtime is stopping. */
    private final ScheduledFuture<?> deadline;
    private BodyAccumulator body;
    private volatile boolean bodyRead;
    /** Completed when the calls, once started, have ended, so that a stopping runtime waits for them. */
    private volatile CompletableFuture<Void> running;

    HttpExchange(JsonRpcRuntime runtime, HttpCaller caller, BodyAccumulator body, Duration timeout,
                 Consumer<HttpCalls.Answer> responder) {
        this.runtime = runtime;
        this.caller = caller;
        this.body = body;
        this.responder = responder;
        // The runtime's one timer thread also sends the time-out's answer, a bodiless head that never blocks: the
        // call executor may be full of the very calls that take too long.
        ScheduledFuture<?> scheduled;
        try {
            scheduled = runtime.timer().schedule(this::timeOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the runtime is stopping, and ends what is left itself
            scheduled = null;
        }
        this.deadline = scheduled;
    }

    /** Takes bytes of the body; {@code false} when the exchange has answered and wants no more. */
    public boolean append(byte[] bytes, int offset, int count) {
        if (answered.get()) {
            return false;
        }
        if (!body.append(bytes, offset, count)) {
            answer(HttpCalls.Answer.closing(413));
            return false;
        }
        return true;
    }

    /** Takes the buffer's remaining bytes; {@code false} when the exchange has answered and wants no more. */
    public boolean append(ByteBuffer bytes) {
        if (answered.get()) {
            return false;
        }
        if (!body.append(bytes)) {
            answer(HttpCalls.Answer.closing(413));
            return false;
        }
        return true;
    }

    /**
     * The body is complete: runs its calls. Only the first call counts: Payara's servlet container reports the end
     * of the body a second time when the listener was armed by {@code isReady()}.
     */
    public void end() {
        if (answered.get() || !ended.compareAndSet(false, true)) {
            return;
        }
        bodyRead = true;
        String frame;
        try {
            frame = body.decode();
        } catch (CharacterCodingException e) {
            // not UTF-8: the engine answers a parse error, as for any text that is not JSON
            frame = "\u0000";
        }
        body = null;
        // read here, run where the WebSocket transport would: on the call executor, unless no call may block
        ReadFrame read = runtime.engine().read(frame);
        if (read.callsMethods()) {
            running = runtime.httpCallsStarting();
            if (running == null) {
                // stopping: as over WebSocket, calls taken before are answered, new ones do not start
                answer(HttpCalls.Answer.status(503));
                return;
            }
        }
        if (!read.callsMethods() || !read.mayBlock()) {
            run(read);
            return;
        }
        try {
            runtime.executor().execute(() -> run(read));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "JRWS-0805 the call executor refused an HTTP request; answering 503", e);
            answer(HttpCalls.Answer.status(503));
            callsEnded();
        }
    }

    private void run(ReadFrame read) {
        CompletionStage<String> answer;
        try {
            answer = runtime.engine().execute(read, caller);
        } catch (RuntimeException | Error e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((text, failure) -> {
            try {
                if (failure != null) {
                    // the engine answers every frame; reaching here is a bug, and the client gets a bare 500
                    LOG.log(Level.ERROR, "JRWS-0801 the engine failed on an HTTP request", failure);
                    answer(HttpCalls.Answer.status(500));
                } else {
                    answer(text == null ? HttpCalls.Answer.status(204) : new HttpCalls.Answer(200, text, null, false));
                }
            } finally {
                callsEnded();
            }
        });
    }

    /** Reading the body failed, the client having gone most likely. */
    public void fail(Throwable failure) {
        if (answered.get()) {
            // the transport ends its reading so once the answer is out
            return;
        }
        LOG.log(Level.DEBUG, "JRWS-0802 reading an HTTP request body failed", failure);
        answer(HttpCalls.Answer.closing(400));
    }

    /** The time is up: 408 while the body is still arriving, 504 while the calls run. */
    public void timeOut() {
        answer(bodyRead ? HttpCalls.Answer.status(504) : HttpCalls.Answer.closing(408));
    }

    /** The client has gone, or its transport has given the request up: nothing is to be sent any more. */
    public void abandon() {
        if (answered.compareAndSet(false, true)) {
            cancelDeadline();
        }
    }

    /** Whether the answer has been given, or the exchange abandoned. */
    public boolean answered() {
        return answered.get();
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    private void answer(HttpCalls.Answer answer) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        cancelDeadline();
        try {
            responder.accept(answer);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "JRWS-0803 sending an HTTP answer failed; the client has gone?", e);
        }
    }

    /** The calls have ended, answered or not (after a time-out, or with the client gone): a stop waits no more. */
    private void callsEnded() {
        CompletableFuture<Void> calls = running;
        if (calls != null) {
            calls.complete(null);
        }
    }
}
