package io.jsonrpcws.impl.connection;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Every outgoing frame of one connection goes through here, on the server and in the Java client alike: one
 * send in flight, the rest queued in order. The queue is bounded in characters: a peer that stops reading fills
 * it and its connection is closed (1008) before it can grow this side's memory; a {@link SendBudget} bounds
 * the queues of all connections together. A send that fails, or throws anything (an {@code Error} included),
 * closes the connection (1011) and is logged once: no connection ever goes silent with its sender stuck. A
 * close frame, when asked for, follows the frames queued before it.
 *
 * <p>Whichever thread finds the sender idle sends, and goes on with what others queued meanwhile while the transport
 * completes at once; after {@value #BURST} frames in a row it hands the rest to the executor. Without that bound, a
 * thread that sent one answer would go on writing a fast subscription's items for as long as they came: a call thread
 * taken for good (a virtual thread's carrier, where there is one carrier, so every other virtual thread starved).
 *
 * <p>Thread-safe; never blocks. Completions may come on any thread, inline included.
 */
public final class SerialSender {

    private static final System.Logger LOG = System.getLogger(SerialSender.class.getName());

    /** How frames leave: the transport's own asynchronous send. */
    public interface Transport {

        /**
         * Starts sending one whole text frame. Calls {@code done} once, with {@code null} on success or the
         * failure, possibly before returning. May also throw instead of calling {@code done}.
         */
        void sendText(String text, Consumer<Throwable> done);

        /** Sends a close frame, or ends the connection at once if that is impossible; never throws. */
        void sendClose(int code, String reason);
    }

    /** WebSocket close code: the peer broke a policy (here, it does not read). */
    static final int POLICY = 1008;
    /** WebSocket close code: this side failed. */
    static final int FAILED = 1011;
    /** Frames one thread sends in a row before it hands the sending on. */
    static final int BURST = 32;

    private record CloseFrame(int code, String reason) {
    }

    /** A frame whose sender wants to hear when it has been written: a subscription's item. */
    private record Tracked(String text, Runnable written) {
    }

    /** A marker for "the pending close frame is due": the queue has drained. */
    private static final String CLOSE_DUE = new String("close");

    private final Transport transport;
    private final long maxQueued;
    private final PeerConnection connection;
    private final SendBudget budget;
    private final Executor executor;

    /** Each a {@code String}, or a {@link Tracked} frame. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** What to run when the frame being sent has been written; {@code null} for most frames. */
    private Runnable inFlightWritten;
    private long queued;
    /** What of {@link #queued} the budget has been told; brought in step outside the lock, by {@link #report()}. */
    private long reported;
    private boolean sending;
    /** No more frames are accepted: a close frame was asked for, or the connection is gone. */
    private boolean closed;
    private CloseFrame pendingClose;
    /** Set while a send call is on the stack, so that a completion inside it does not recurse. */
    private Thread sendingThread;
    private boolean completedInline;

    /**
     * @param transport  where frames go
     * @param maxQueued  characters that may wait at most; one more closes the connection with 1008
     * @param connection what to close when the peer does not read or a send fails
     * @param budget     the bound shared with the other connections of the server
     * @param executor   where the sending goes on after a burst (the connection's executor)
     */
    public SerialSender(Transport transport, long maxQueued, PeerConnection connection, SendBudget budget,
                        Executor executor) {
        this.transport = Objects.requireNonNull(transport);
        this.maxQueued = maxQueued;
        this.connection = Objects.requireNonNull(connection);
        this.budget = Objects.requireNonNull(budget);
        this.executor = Objects.requireNonNull(executor);
        budget.register(this);
    }

    /** Sends the text after every frame given before; never blocks. Ignored once closed. */
    public void send(String text) {
        send(text, null);
    }

    /**
     * Sends the text after every frame given before, and runs {@code written} once the transport has written it
     * (on whatever thread completes the send, possibly this one, inside this call). {@code written} never runs for
     * a frame that is dropped: the connection is then closing. Never blocks. Ignored once closed.
     */
    public void send(String text, Runnable written) {
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!sending) {
                sending = true;
                inFlightWritten = written;
            } else if (queued + text.length() <= maxQueued) {
                queue.add(written == null ? text : new Tracked(text, written));
                queued += text.length();
                text = null;
            } else {
                discardLocked();
                overflow = true;
            }
        }
        report();
        if (overflow) {
            LOG.log(Level.WARNING, "JRWS-0201 closing a connection whose peer does not read: more than "
                    + maxQueued + " characters wait to be sent");
            connection.close(POLICY, "peer is not reading");
        } else if (text != null) {
            pump(text);
        }
    }

    /**
     * Sends a close frame after the frames queued; later frames are ignored.
     *
     * @return whether a close frame will be sent; {@code false} once closed or discarded already
     */
    public boolean close(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            budget.unregister(this);
            if (sending) {
                pendingClose = new CloseFrame(code, reason);
                return true;
            }
            sending = true;
        }
        transport.sendClose(code, reason);
        return true;
    }

    /** Drops what is queued; later frames are ignored. For a connection that is gone. */
    public void discard() {
        synchronized (this) {
            discardLocked();
        }
        report();
    }

    /** Characters waiting to be sent now. */
    public synchronized long queued() {
        return queued;
    }

    /** Closes the connection for the server-wide bound: its queue is the longest. */
    void shed() {
        synchronized (this) {
            if (closed && pendingClose == null && queued == 0) {
                return;
            }
            discardLocked();
        }
        report();
        connection.close(POLICY, "too much waits to be sent");
    }

    private void discardLocked() {
        closed = true;
        queue.clear();
        inFlightWritten = null;
        queued = 0;
        pendingClose = null;
        budget.unregister(this);
    }

    /** Tells the budget how the queue changed since last told. Never holding this sender's lock. */
    private void report() {
        long delta;
        synchronized (this) {
            delta = queued - reported;
            reported = queued;
        }
        if (delta != 0) {
            budget.adjust(delta);
        }
    }

    private void pump(String first) {
        String text = first;
        int frames = 0;
        while (text != null) {
            if (++frames > BURST) {
                if (handOff(text)) {
                    return;
                }
                frames = 0;
            }
            synchronized (this) {
                sendingThread = Thread.currentThread();
                completedInline = false;
            }
            try {
                transport.sendText(text, this::sent);
            } catch (Throwable t) {
                synchronized (this) {
                    sendingThread = null;
                }
                failed(t);
                return;
            }
            synchronized (this) {
                sendingThread = null;
                if (!completedInline) {
                    return;
                }
                text = nextLocked();
            }
            report();
            text = closeIfDue(text);
        }
    }

    /**
     * Goes on sending {@code next} on the executor; {@code false} when the executor refuses (it is stopping), and
     * this thread goes on.
     */
    private boolean handOff(String next) {
        try {
            executor.execute(() -> {
                boolean discarded;
                synchronized (this) {
                    discarded = closed && pendingClose == null; // the connection went meanwhile
                }
                if (!discarded) {
                    pump(next);
                }
            });
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void sent(Throwable failure) {
        if (failure != null) {
            failed(failure);
            return;
        }
        String next;
        Runnable written;
        boolean inline;
        synchronized (this) {
            written = inFlightWritten;
            inFlightWritten = null;
            inline = sendingThread == Thread.currentThread();
            if (inline) {
                completedInline = true;
                next = null;
            } else {
                next = nextLocked();
            }
        }
        if (written != null) {
            written.run();
        }
        if (inline) {
            return; // the pump on this thread's stack goes on
        }
        report();
        next = closeIfDue(next);
        if (next != null) {
            pump(next);
        }
    }

    /** The next text to send, {@link #CLOSE_DUE}, or {@code null} after marking the sender idle. Holding the lock. */
    private String nextLocked() {
        Object next = closed && pendingClose == null ? null : queue.poll();
        if (next != null) {
            String text = next instanceof Tracked t ? t.text() : (String) next;
            inFlightWritten = next instanceof Tracked t ? t.written() : null;
            queued -= text.length();
            return text;
        }
        if (pendingClose != null) {
            return CLOSE_DUE;
        }
        sending = false;
        return null;
    }

    private String closeIfDue(String next) {
        if (next != CLOSE_DUE) {
            return next;
        }
        CloseFrame close;
        synchronized (this) {
            close = pendingClose;
            pendingClose = null;
        }
        if (close != null) {
            transport.sendClose(close.code(), close.reason());
        }
        return null;
    }

    private void failed(Throwable failure) {
        boolean first;
        synchronized (this) {
            first = !closed || pendingClose != null;
            discardLocked();
        }
        report();
        if (first) {
            if (failure instanceof java.io.IOException) {
                // the peer went away: routine, worth a line but not a stack trace
                LOG.log(Level.INFO, "JRWS-0202 sending on a connection failed; closing it (1011): " + failure);
            } else {
                LOG.log(Level.WARNING, "JRWS-0203 sending on a connection failed unexpectedly; closing it (1011)", failure);
            }
            connection.close(FAILED, "sending failed");
        }
    }
}
