package io.jsonrpcws.impl.connection;

import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.engine.RunningCalls;
import io.jsonrpcws.impl.engine.Subscriptions;
import io.jsonrpcws.impl.codec.ReadFrame;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides where and when each frame of one connection runs, on the server and in the Java client alike.
 *
 * <ul>
 *   <li>Frames are read on the transport's thread. Frames that only answer this side's own calls are settled
 *       there at once, so that a method waiting for its peer's answer gets it even while the connection's
 *       other frames wait behind it.</li>
 *   <li>Frames that call methods go to the executor, at most {@code maxInFlight} at a time; the others wait in
 *       arrival order, at most {@code maxPending}, and one more closes the connection (1008). So a slow method
 *       delays only the frames queued behind the cap on its own connection, and the transport's thread never
 *       blocks.</li>
 *   <li>Out of order, frames whose calls are all {@code @NonBlocking}, and frames refused without a call (parse
 *       errors, unknown methods, bad params), run on the reading thread. In order ({@code maxInFlight} 1), every
 *       frame but pure answers takes its turn, refusals included, so no answer overtakes an earlier frame.</li>
 * </ul>
 * Every frame's answer goes to the sender, and every failure on the way ends in a close code and a log line.
 *
 * @param <C> the transport's connection type
 */
public final class FrameScheduler<C extends PeerConnection> {

    private static final System.Logger LOG = System.getLogger(FrameScheduler.class.getName());

    /**
     * How a connection schedules its frames.
     *
     * @param maxInFlight frames running at once; 1 runs them in order
     * @param maxPending  frames waiting for a slot; one more closes the connection with 1008
     */
    public record Limits(int maxInFlight, int maxPending) {
        public Limits {
            if (maxInFlight < 1 || maxPending < 0) {
                throw new IllegalArgumentException("maxInFlight must be positive and maxPending not negative");
            }
        }

        boolean inOrder() {
            return maxInFlight == 1;
        }
    }

    /**
     * A time limit for each frame that runs on the executor: past it, the frame's calls are answered with
     * {@code -32012} and the thread running it is interrupted; a later result is dropped.
     *
     * @param timer where the deadlines wait
     * @param limit how long a frame may run
     */
    public record CallLimit(ScheduledExecutorService timer, Duration limit) {
        public CallLimit {
            Objects.requireNonNull(timer);
            Objects.requireNonNull(limit);
        }
    }

    private final JsonRpcEngine<C> engine;
    private final C connection;
    private final CallLimit callLimit;
    private final Executor executor;
    private final Limits limits;
    private final SerialSender sender;

    private final ArrayDeque<ReadFrame> pending = new ArrayDeque<>();
    private int inFlight;
    /** Frames taken and not yet answered, wherever they run. */
    private int running;
    private boolean closed;
    /** Completed once draining and nothing runs; {@code null} until {@link #drain()}. */
    private CompletableFuture<Void> drained;

    public FrameScheduler(JsonRpcEngine<C> engine, C connection, Executor executor, Limits limits, SerialSender sender) {
        this(engine, connection, executor, limits, sender, null);
    }

    /** @param callLimit the time limit of frames run on the executor, or {@code null} for none */
    public FrameScheduler(JsonRpcEngine<C> engine, C connection, Executor executor, Limits limits, SerialSender sender,
                          CallLimit callLimit) {
        this.callLimit = callLimit;
        this.engine = Objects.requireNonNull(engine);
        this.connection = Objects.requireNonNull(connection);
        this.executor = Objects.requireNonNull(executor);
        this.limits = Objects.requireNonNull(limits);
        this.sender = Objects.requireNonNull(sender);
    }

    /** Takes one text frame, on the transport's thread. */
    public void onText(String text) {
        ReadFrame frame = engine.read(text);
        RunningCalls calls = connection.runningCalls();
        if (calls != null) {
            // in the order read, so that a $/cancelRequest read later finds the call even if it overtakes its start
            calls.accepted(frame);
        }
        boolean inline = frame.onlyAnswers() || frame.onlyCancels() || (!limits.inOrder() && !frame.mayBlock());
        boolean flood = false;
        synchronized (this) {
            if (drained != null && !frame.onlyAnswers()) {
                // draining: the calls taken before are answered, new ones are not started
                return;
            }
            if (closed) {
                return;
            }
            running++;
            if (!inline) {
                if (inFlight < limits.maxInFlight()) {
                    inFlight++;
                } else if (pending.size() < limits.maxPending()) {
                    pending.add(frame);
                    return;
                } else {
                    running -= pending.size() + 1;
                    pending.clear();
                    closed = true;
                    flood = true;
                }
            }
        }
        if (inline) {
            run(frame, false);
            return;
        }
        if (flood) {
            LOG.log(Level.INFO, "JRWS-0101 closing a connection that sent more than " + limits.maxPending()
                    + " frames beyond its " + limits.maxInFlight() + " in flight");
            connection.close(1008, "too many calls in flight");
            return;
        }
        start(frame);
    }

    /** Drops the frames waiting; later frames are ignored. Frames running finish. */
    public void close() {
        CompletableFuture<Void> done;
        synchronized (this) {
            closed = true;
            running -= pending.size();
            pending.clear();
            done = running == 0 ? drained : null;
        }
        if (done != null) {
            done.complete(null);
        }
    }

    /**
     * Stops starting frames that call methods (answers to this side's calls are still taken); the frames taken
     * before, waiting ones included, run and are answered.
     *
     * @return completes once every frame taken before has been answered
     */
    public CompletableFuture<Void> drain() {
        synchronized (this) {
            if (drained == null) {
                drained = new CompletableFuture<>();
            }
            if (running == 0) {
                drained.complete(null);
            }
            return drained;
        }
    }

    private void start(ReadFrame frame) {
        try {
            executor.execute(() -> run(frame, true));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "JRWS-0102 the call executor refused work; closing the connection (1013)");
            done();
            close();
            connection.close(1013, "server is shutting down or overloaded");
        }
    }

    /** Runs a frame and sends its answer; a frame that held a slot hands it on when its answer is out. */
    private void run(ReadFrame frame, boolean holdsSlot) {
        Deadline deadline = holdsSlot && callLimit != null ? new Deadline(frame) : null;
        CompletionStage<String> answer;
        try {
            answer = deadline == null ? engine.execute(frame, connection) : deadline.execute();
        } catch (Throwable t) {
            if (deadline != null && !deadline.settle()) {
                return;
            }
            // the engine answers every frame; reaching here is a bug, and it must not stall the connection
            LOG.log(Level.ERROR, "JRWS-0103 the engine failed on a frame; closing the connection (1011)", t);
            abandoned(frame);
            connection.close(1011, "internal error");
            done();
            if (holdsSlot) {
                finished();
            }
            return;
        }
        answer.whenComplete((text, failure) -> {
            if (deadline != null && !deadline.settle()) {
                return; // answered already, with the time-out error
            }
            try {
                if (failure != null) {
                    LOG.log(Level.ERROR, "JRWS-0103 the engine failed on a frame; closing the connection (1011)", failure);
                    abandoned(frame);
                    connection.close(1011, "internal error");
                } else {
                    if (text != null) {
                        sender.send(text);
                    }
                    answered(frame);
                }
            } finally {
                done();
                if (holdsSlot) {
                    finished();
                }
            }
        });
    }

    /**
     * The time limit of one frame: answers it with the time-out error once the limit passes, interrupting the
     * thread while it still runs the frame's methods; whichever of the two answers comes first is sent.
     */
    private final class Deadline {
        private final ReadFrame frame;
        private final Thread runner = Thread.currentThread();
        private final AtomicBoolean settled = new AtomicBoolean();
        private final ScheduledFuture<?> expiry;
        /** Guarded by this: whether {@link #runner} is inside the engine, where an interrupt is meant for it. */
        private boolean inside;

        Deadline(ReadFrame frame) {
            this.frame = frame;
            this.expiry = callLimit.timer().schedule(this::expire, callLimit.limit().toNanos(), TimeUnit.NANOSECONDS);
        }

        CompletionStage<String> execute() {
            synchronized (this) {
                inside = true;
            }
            try {
                return engine.execute(frame, connection);
            } finally {
                synchronized (this) {
                    inside = false;
                    // an interrupt that came too late for the method must not reach the pool's next task
                    Thread.interrupted();
                }
            }
        }

        /** Whether the caller is first to settle the frame; the other answer is then dropped. */
        boolean settle() {
            expiry.cancel(false);
            return settled.compareAndSet(false, true);
        }

        private void expire() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            LOG.log(Level.INFO, () -> "JRWS-0105 a frame ran longer than " + callLimit.limit().toMillis()
                    + " ms; its calls are answered with -32012");
            synchronized (this) {
                if (inside) {
                    runner.interrupt();
                }
            }
            try {
                abandoned(frame);
                String text = engine.timedOut(frame);
                if (text != null) {
                    sender.send(text);
                }
            } finally {
                done();
                finished();
            }
        }
    }

    /** The frame's answer is with the sender: the subscriptions it opened may send their items after it. */
    private void answered(ReadFrame frame) {
        Subscriptions subscriptions = connection.subscriptions();
        if (subscriptions != null) {
            subscriptions.answered(frame);
        }
    }

    /** The frame's answer is not sent: the subscriptions it opened never start. */
    private void abandoned(ReadFrame frame) {
        Subscriptions subscriptions = connection.subscriptions();
        if (subscriptions != null) {
            subscriptions.abandoned(frame);
        }
    }

    /** One frame taken is answered (or given up). */
    private void done() {
        CompletableFuture<Void> complete;
        synchronized (this) {
            running--;
            complete = running == 0 ? drained : null;
        }
        if (complete != null) {
            complete.complete(null);
        }
    }

    private void finished() {
        ReadFrame next;
        synchronized (this) {
            next = closed ? null : pending.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        start(next);
    }
}
