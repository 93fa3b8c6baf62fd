package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.protocol.Utf8;
import jakarta.websocket.MessageHandler;

import java.util.function.Consumer;

/**
 * Puts a connection's text messages together from the parts the container delivers (a frame each, or the
 * whole message), counting their UTF-8 bytes as they come. The first part that takes a message over the
 * limit refuses it: what was gathered is dropped at once and the connection is told, once; later parts are
 * ignored. So a message never occupies more than the limit here, and the container never buffers a
 * fragmented message itself (with a handler of whole messages, Tyrus 2.2 does, and on overflow keeps the
 * closed session and its buffer referenced for good).
 *
 * <p>Called by one container thread at a time, as the WebSocket API guarantees for one session.
 */
final class IncomingText implements MessageHandler.Partial<String> {

    private final int maxBytes;
    private final Consumer<String> onMessage;
    private final Runnable onTooLong;

    /** The parts of a fragmented message so far; {@code null} between messages. */
    private StringBuilder parts;
    private long bytes;
    private boolean refused;

    /**
     * @param maxBytes  the largest message in UTF-8 bytes
     * @param onMessage takes each whole message of at most {@code maxBytes}
     * @param onTooLong called once, on the part that takes a message over the limit
     */
    IncomingText(int maxBytes, Consumer<String> onMessage, Runnable onTooLong) {
        this.maxBytes = maxBytes;
        this.onMessage = onMessage;
        this.onTooLong = onTooLong;
    }

    @Override
    public void onMessage(String part, boolean last) {
        if (refused) {
            return;
        }
        if (parts == null && last) {
            if (Utf8.longerThan(part, maxBytes)) {
                refuse();
            } else {
                onMessage.accept(part);
            }
            return;
        }
        bytes += Utf8.length(part, maxBytes - bytes);
        if (bytes > maxBytes) {
            refuse();
            return;
        }
        if (parts == null) {
            parts = new StringBuilder(part);
        } else {
            parts.append(part);
        }
        if (last) {
            String message = parts.toString();
            parts = null;
            bytes = 0;
            onMessage.accept(message);
        }
    }

    private void refuse() {
        refused = true;
        parts = null;
        onTooLong.run();
    }
}
