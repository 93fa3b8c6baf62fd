package io.jsonrpcws.standalone;

import io.jsonrpcws.cdi.ContainerFrames;
import jakarta.websocket.Session;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes a connection's text frames, each whole and unmasked as a server's are, straight to the writer Tyrus itself
 * writes the connection's frames with (in the order of the calls, Tyrus's own control frames included): the text
 * is encoded by {@link String#getBytes}, where Tyrus's {@code TextFrame} encodes one character at a time through a
 * {@code CharBuffer}. Used only for connections without extensions, whose frames Tyrus would transform.
 */
final class TyrusTextWriter implements ContainerFrames.TextWriter {

    private final Session session;
    private final Writer writer;

    private TyrusTextWriter(Session session, Writer writer) {
        this.session = session;
        this.writer = writer;
    }

    /** The writer of this session's frames, or {@code null} for a session whose frames go through an extension. */
    static ContainerFrames.TextWriter of(Session session, Writer writer) {
        return session.getNegotiatedExtensions().isEmpty() ? new TyrusTextWriter(session, writer) : null;
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        if (!session.isOpen()) {
            // Tyrus's own send refuses so once the connection is closing: no data frame after a close frame
            done.accept(new IOException("the connection has closed"));
            return;
        }
        writer.write(frame(text), new CompletionHandler<>() {
            @Override
            public void completed(ByteBuffer result) {
                done.accept(null);
            }

            @Override
            public void failed(Throwable failure) {
                done.accept(failure);
            }

            @Override
            public void cancelled() {
                done.accept(new IOException("the write was cancelled"));
            }
        });
    }

    /** A final text frame of the text; the engine's text never holds a lone surrogate, which UTF-8 cannot encode. */
    static ByteBuffer frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + length);
        frame.put((byte) 0x81);
        if (length < 126) {
            frame.put((byte) length);
        } else if (length < 65536) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).flip();
    }
}
