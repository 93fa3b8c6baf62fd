package io.jsonrpcws.cdi;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;

/**
 * Every outgoing frame of one connection goes through here: one asynchronous send in flight, the rest
 * queued in order. The queue is bounded in characters; a client that stops reading fills it and is
 * closed (1008) before it can grow the server's memory.
 */
final class SerialSender implements SendHandler {

    private static final System.Logger LOG = System.getLogger(SerialSender.class.getName());

    private final Session webSocket;
    private final long maxQueued;
    private final Runnable onOverflow;

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queued;
    private boolean sending;
    private boolean closed;
    /** Set while a send call is on the stack, so a completion inside it does not recurse. */
    private Thread sendingThread;
    private boolean completedInline;

    SerialSender(Session webSocket, long maxQueued, Runnable onOverflow) {
        this.webSocket = webSocket;
        this.maxQueued = maxQueued;
        this.onOverflow = onOverflow;
    }

    /** Sends the text after every text given before; never blocks. */
    void send(String text) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (sending) {
                if (queued + text.length() > maxQueued) {
                    closed = true;
                    queue.clear();
                } else {
                    queue.add(text);
                    queued += text.length();
                    return;
                }
            } else {
                sending = true;
            }
        }
        if (closed) {
            onOverflow.run();
            return;
        }
        pump(text);
    }

    /** Drops what is queued; later sends are ignored. */
    synchronized void close() {
        closed = true;
        queue.clear();
        queued = 0;
    }

    private void pump(String first) {
        String text = first;
        while (text != null) {
            synchronized (this) {
                sendingThread = Thread.currentThread();
                completedInline = false;
            }
            try {
                webSocket.getAsyncRemote().sendText(text, this);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "sending failed; the connection is closing", e);
                close();
                return;
            }
            synchronized (this) {
                sendingThread = null;
                if (!completedInline) {
                    return;
                }
                text = next();
            }
        }
    }

    @Override
    public void onResult(SendResult result) {
        if (!result.isOK()) {
            LOG.log(Level.DEBUG, "sending failed; the connection is closing", result.getException());
            close();
        }
        String next;
        synchronized (this) {
            if (sendingThread == Thread.currentThread()) {
                completedInline = true;
                return;
            }
            next = next();
        }
        if (next != null) {
            pump(next);
        }
    }

    /** The next text to send, or {@code null} after marking the sender idle. Called holding the lock. */
    private String next() {
        String next = closed ? null : queue.poll();
        if (next == null) {
            sending = false;
        } else {
            queued -= next.length();
        }
        return next;
    }
}
