package io.jsonrpcws.cdi;

import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a container that handles a connection's frames itself, faster than through its {@link Session}, and the
 * connection it is opening hand each other: the container a writer of the connection's text frames, the connection
 * the reader of its text messages. The standalone runtime writes and reads plain text frames itself, where Tyrus
 * encodes and decodes every message through {@code CharBuffer}s (the encoding alone one character at a time, a
 * sixth of the server's CPU on a 1 KB call); every other frame, and every frame in Payara, WildFly or any other
 * container, goes through the session.
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

    /** One connection's opening, on the thread that opens it. */
    public static final class Opening {
        private final Function<Session, TextWriter> writers;
        private boolean writing;
        private MessageHandler.Partial<String> reader;

        private Opening(Function<Session, TextWriter> writers) {
            this.writers = writers;
        }

        /**
         * The connection's reader of text messages, to be called as the session's handler would be, by the thread
         * that reads the connection; {@code null} unless the connection took the container's writer too (for a
         * connection with extensions, whose frames only the container can make sense of, it does not).
         */
        public MessageHandler.Partial<String> reader() {
            return writing ? reader : null;
        }
    }

    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private ContainerFrames() {
    }

    /**
     * Starts opening a connection, on the thread that will call the endpoint's {@code onOpen}; {@code writers}
     * makes the writer of a session's text frames, or {@code null} for a session whose frames it cannot write.
     * Ends with {@link #end()}, in a {@code finally}.
     */
    public static Opening begin(Function<Session, TextWriter> writers) {
        Opening opening = new Opening(writers);
        OPENING.set(opening);
        return opening;
    }

    /** Ends the opening begun on this thread. */
    public static void end() {
        OPENING.remove();
    }

    /** The writer of the text frames of the session opening on this thread, or {@code null}. */
    static TextWriter writer(Session webSocket) {
        Opening opening = OPENING.get();
        if (opening == null) {
            return null;
        }
        TextWriter writer = opening.writers.apply(webSocket);
        opening.writing = writer != null;
        return writer;
    }

    /** Offers the reader of the text messages of the session opening on this thread to its container. */
    static void offerReader(MessageHandler.Partial<String> reader) {
        Opening opening = OPENING.get();
        if (opening != null) {
            opening.reader = reader;
        }
    }
}
