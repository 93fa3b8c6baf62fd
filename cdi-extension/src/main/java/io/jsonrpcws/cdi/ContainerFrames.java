package io.jsonrpcws.cdi;

import jakarta.websocket.Session;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A container's own way of writing a connection's text frames, handed to the connection while it opens, for a
 * container that can write them faster than its {@link Session}'s {@code RemoteEndpoint} does. The standalone
 * runtime hands over Tyrus's writer of the connection's bytes: Tyrus encodes every text message to UTF-8 one
 * character at a time through a {@code CharBuffer} view of the string, a sixth of the server's CPU on a 1 KB call.
 * Without a hand-off (in Payara, WildFly, any other container) frames go through the session.
 *
 * <p>The hand-off is a thread-local around the container's opening of one connection, since the Jakarta WebSocket
 * API gives the container no other way to reach the endpoint's {@code onOpen}, which runs on that thread.
 */
public final class ContainerFrames {

    /** Writes whole text frames of one connection. */
    public interface TextWriter {

        /**
         * Starts writing one text frame. Calls {@code done} once, with {@code null} once it is written or with
         * the failure, possibly before returning; may throw instead.
         */
        void sendText(String text, Consumer<Throwable> done);
    }

    private static final ThreadLocal<Function<Session, TextWriter>> OPENING = new ThreadLocal<>();

    private ContainerFrames() {
    }

    /**
     * Opens a connection whose endpoint, if it opens on this thread, writes its text frames with the writer that
     * {@code writers} makes of its session (or through the session, when that gives {@code null}).
     */
    public static <T> T opening(Function<Session, TextWriter> writers, Supplier<T> open) {
        OPENING.set(writers);
        try {
            return open.get();
        } finally {
            OPENING.remove();
        }
    }

    /** The writer handed over for the session opening on this thread, or {@code null}. */
    static TextWriter take(Session webSocket) {
        Function<Session, TextWriter> writers = OPENING.get();
        if (writers == null) {
            return null;
        }
        OPENING.remove();
        return writers.apply(webSocket);
    }
}
