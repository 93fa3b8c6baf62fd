package io.jsonrpcws.client;

import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Every outgoing frame of one connection goes through here: the JDK's WebSocket allows one send in
 * flight, so the others wait in order. The queue is bounded in characters; a server that stops reading
 * fills it and the connection is given up before the client's memory grows. A close frame, when asked
 * for, follows the frames queued before it; nothing is sent after it.
 */
final class FrameSender {

    /** Characters queued at most; a server that lets this much pile up is not reading. */
    static final long MAX_QUEUED = 16L << 20;

    private record CloseFrame(int code, String reason) {
    }

    private final WebSocket webSocket;
    private final Consumer<Throwable> onFailure;

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queued;
    private boolean sending;
    /** Set once no more frames are accepted: after a close frame was asked for, or the connection is gone. */
    private boolean closed;
    private CloseFrame pendingClose;

    /**
     * @param webSocket the connection
     * @param onFailure told when a send fails or the queue overflows; the connection is then unusable
     */
    FrameSender(WebSocket webSocket, Consumer<Throwable> onFailure) {
        this.webSocket = webSocket;
        this.onFailure = onFailure;
    }

    /** Sends the text after every frame given before; never blocks. Ignored once closed. */
    void send(String text) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return;
            }
            overflow = queued + text.length() > MAX_QUEUED;
            if (overflow) {
                discard();
            } else if (sending) {
                queue.add(text);
                queued += text.length();
                return;
            } else {
                sending = true;
            }
        }
        if (overflow) {
            onFailure.accept(new IllegalStateException("the server does not read: more than " + MAX_QUEUED
                    + " characters wait to be sent"));
            return;
        }
        pump(text);
    }

    /** Sends a close frame after the frames queued; later frames are ignored. */
    void close(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (sending) {
                pendingClose = new CloseFrame(code, reason);
                return;
            }
            sending = true;
        }
        sendClose(new CloseFrame(code, reason));
    }

    /** Drops what is queued; later frames are ignored. For a connection that is gone. */
    synchronized void discard() {
        closed = true;
        queue.clear();
        queued = 0;
        pendingClose = null;
    }

    private void pump(String first) {
        String text = first;
        while (text != null) {
            CompletableFuture<WebSocket> sent;
            try {
                sent = webSocket.sendText(text, true);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (!sent.isDone()) {
                sent.whenComplete((ws, failure) -> {
                    if (failure != null) {
                        failed(failure);
                    } else {
                        pump(next());
                    }
                });
                return;
            }
            try {
                sent.join();
            } catch (CompletionException e) {
                failed(e.getCause());
                return;
            }
            text = next();
        }
    }

    /** The next text to send; {@code null} once idle, or once the close frame has been started. */
    private String next() {
        CloseFrame close;
        synchronized (this) {
            String text = queue.poll();
            if (text != null) {
                queued -= text.length();
                return text;
            }
            close = pendingClose;
            pendingClose = null;
            if (close == null) {
                sending = false;
                return null;
            }
        }
        sendClose(close);
        return null;
    }

    private void sendClose(CloseFrame close) {
        try {
            webSocket.sendClose(close.code(), close.reason()).whenComplete((ws, failure) -> {
                if (failure != null) {
                    webSocket.abort();
                }
            });
        } catch (RuntimeException e) {
            webSocket.abort();
        }
    }

    private void failed(Throwable failure) {
        discard();
        onFailure.accept(failure);
    }
}
