package io.jsonrpcws.standalone;

import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Stands between a WebSocket connection's bytes and Tyrus's reader, and reads only the frame headers. A data
 * frame whose announced length takes its message over the limit is refused on its header with 1009: none
 * of its payload reaches Tyrus, and nothing more of the connection is read. Without it Tyrus buffers a
 * frame whole before looking at it, and one longer than its buffer fails with 1011 "Buffer overflow.".
 *
 * <p>It also hands bytes over so that Tyrus's buffer never has to hold more than one frame: a read that
 * ends with the start of a long frame, after frames that Tyrus has not consumed yet, would otherwise
 * overflow that buffer although every frame is within the limit.
 *
 * <p>Control frames longer than 125 bytes, and frames the client did not mask, are refused with 1002, as
 * RFC 6455 requires (Tyrus itself reads unmasked frames from a client).
 *
 * <p>It unmasks each frame in place, eight bytes at a time, and hands it to Tyrus as an unmasked frame (its
 * header without the masking key, moved up by four bytes): Tyrus unmasks byte by byte, through a
 * {@code volatile} index written per byte, the transport's largest cost on a 1 KB call in the load
 * benchmark's profiles. A frame whose header began in an earlier read, part of it already with Tyrus, goes
 * through masked, as it came; so does every frame of a read-only buffer.
 *
 * <p>A whole, final text frame in ASCII (what JSON-RPC frames nearly always are), read at once, is delivered to the
 * connection's reader of text messages here, as a string made straight from its bytes: Tyrus would decode it
 * through a {@code CharBuffer} of its own. It stays out of Tyrus's way: frames before it are handed over first,
 * and a message in fragments, any other frame, and everything after a close frame go to Tyrus.
 *
 * <p>Called by one thread at a time (Tyrus's task processor of the connection); not thread-safe.
 */
final class MessageSizeGuard implements ReadHandler {

    private static final System.Logger LOG = System.getLogger(MessageSizeGuard.class.getName());

    /** Two bytes, eight of extended length, four of mask. */
    static final int MAX_HEADER = 14;

    private final ReadHandler tyrus;
    private final Connection connection;
    private final long maxMessageBytes;
    /** What Tyrus's buffer holds at most: the longest frame allowed. */
    private final long maxHandedOver;

    private final byte[] header = new byte[MAX_HEADER];
    private int headerRead;
    private long payloadLeft;
    /** Header and payload bytes of the current frame handed over so far. */
    private long frameBytes;
    /** Payload bytes of the current data message, its earlier fragments included. */
    private long messageBytes;
    private boolean refused;
    /** Whether the payload under way is unmasked here, with {@link #mask} from its {@link #maskOffset}th byte. */
    private boolean unmasking;
    private int mask;
    private int maskOffset;
    /** Takes the text messages read here; {@code null} when Tyrus reads them all. */
    private final MessageHandler.Partial<String> reader;
    /** Whether a data message in fragments has begun and not ended. */
    private boolean fragmented;
    /** Whether a close frame has come: what follows is Tyrus's to handle or drop. */
    private boolean closing;

    MessageSizeGuard(ReadHandler tyrus, Connection connection, int maxMessageBytes) {
        this(tyrus, connection, maxMessageBytes, null);
    }

    /** @param reader takes the whole ASCII text messages read here, or {@code null} to leave them all to Tyrus */
    MessageSizeGuard(ReadHandler tyrus, Connection connection, int maxMessageBytes,
                     MessageHandler.Partial<String> reader) {
        this.tyrus = tyrus;
        this.reader = reader;
        this.connection = connection;
        this.maxMessageBytes = maxMessageBytes;
        this.maxHandedOver = (long) maxMessageBytes + MAX_HEADER;
    }

    /** The size of Tyrus's incoming buffer this guard needs for messages of at most {@code maxMessageBytes}. */
    static int tyrusBufferSize(int maxMessageBytes) {
        return (int) Math.min(Integer.MAX_VALUE, (long) maxMessageBytes + MAX_HEADER);
    }

    @Override
    public void handle(ByteBuffer data) {
        if (refused) {
            data.position(data.limit());
            return;
        }
        int segmentStart = data.position();
        // bytes of the frame under way that Tyrus holds from earlier calls, when the segment starts within it
        long heldBefore = frameBytes;
        while (data.hasRemaining()) {
            if (payloadLeft > 0) {
                int n = (int) Math.min(payloadLeft, data.remaining());
                if (unmasking) {
                    unmask(data, data.position(), n, mask, maskOffset);
                    maskOffset = (maskOffset + n) & 3;
                }
                data.position(data.position() + n);
                payloadLeft -= n;
                frameBytes += n;
            } else {
                int headerStart = data.position();
                boolean wholeHeaderHere = headerRead == 0;
                if (!readHeader(data)) {
                    break;
                }
                String refusal = refusal();
                if (refusal != null) {
                    // the frames before it are whole and go through; none of this frame does from here on
                    handOver(data, segmentStart, headerStart);
                    refuse(refusal);
                    data.position(data.limit());
                    return;
                }
                boolean textHere = wholeHeaderHere && plainTextFrame() && payloadLeft <= data.remaining();
                followMessages();
                unmasking = wholeHeaderHere && !data.isReadOnly();
                if (unmasking) {
                    if (textHere) {
                        int at = data.position();
                        int n = (int) payloadLeft;
                        if (unmask(data, at, n, maskKey(), 0)) {
                            // the frames before it first; then this one is read, and Tyrus never sees it
                            handOver(data, segmentStart, headerStart);
                            data.position(at + n);
                            segmentStart = at + n;
                            heldBefore = 0;
                            payloadLeft = 0;
                            frameBytes = 0;
                            headerRead = 0;
                            unmasking = false;
                            reader.onMessage(latin1(data, at, n), true);
                            continue;
                        }
                        // Tyrus decodes the rest, and says 1007 for what is not UTF-8
                    }
                    // the frames before it go through as they are; this one starts four bytes later, unmasked
                    handOver(data, segmentStart, headerStart);
                    segmentStart = dropMask(data, headerStart);
                    heldBefore = 0;
                    frameBytes -= 4;
                    // a text frame's payload is unmasked already
                    unmasking = !textHere;
                }
                headerRead = 0;
            }
            if (payloadLeft == 0 && headerRead == 0) {
                // a frame ends here; hand over what precedes it if Tyrus could not hold it with what follows
                frameBytes = 0;
                int end = data.position();
                if (heldBefore + (data.limit() - segmentStart) > maxHandedOver && end > segmentStart) {
                    handOver(data, segmentStart, end);
                    segmentStart = end;
                    heldBefore = 0;
                }
            }
        }
        handOver(data, segmentStart, data.position());
    }

    /** Reads header bytes; whether the header is complete. The payload length is then in {@link #payloadLeft}. */
    private boolean readHeader(ByteBuffer data) {
        while (data.hasRemaining()) {
            header[headerRead++] = data.get();
            frameBytes++;
            if (headerRead >= 2 && headerRead == headerLength()) {
                payloadLeft = payloadLength();
                return true;
            }
        }
        return false;
    }

    private int headerLength() {
        int lengthCode = header[1] & 0x7F;
        int extended = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
        return 2 + extended + (masked() ? 4 : 0);
    }

    /**
     * Whether the frame just read may be read here: a final text frame without extension bits, outside a message
     * in fragments, before any close frame, on a connection whose reader is known.
     */
    private boolean plainTextFrame() {
        return reader != null && header[0] == (byte) 0x81 && !fragmented && !closing;
    }

    /** Takes note of the frame just read: whether a message in fragments goes on after it, or the peer closes. */
    private void followMessages() {
        int opcode = header[0] & 0x0F;
        if (opcode == 0x8) {
            closing = true;
        } else if (opcode < 0x8) {
            fragmented = (header[0] & 0x80) == 0;
        }
    }

    private int maskKey() {
        int keyAt = headerRead - 4;
        return ((header[keyAt] & 0xFF) << 24) | ((header[keyAt + 1] & 0xFF) << 16)
                | ((header[keyAt + 2] & 0xFF) << 8) | (header[keyAt + 3] & 0xFF);
    }

    /** The {@code n} bytes from {@code at} as a string, a character each. */
    private static String latin1(ByteBuffer data, int at, int n) {
        if (data.hasArray()) {
            return new String(data.array(), data.arrayOffset() + at, n, StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = new byte[n];
        data.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private boolean masked() {
        return (header[1] & 0x80) != 0;
    }

    /**
     * Rewrites the masked header just read, which starts at {@code headerStart}, as the same header without
     * mask bit and key, ending where it ended; keeps the key for the payload. Returns where the header starts now.
     */
    private int dropMask(ByteBuffer data, int headerStart) {
        int keyAt = headerRead - 4;
        mask = maskKey();
        maskOffset = 0;
        int start = headerStart + 4;
        data.put(start, header[0]);
        data.put(start + 1, (byte) (header[1] & 0x7F));
        for (int i = 2; i < keyAt; i++) {
            data.put(start + i, header[i]);
        }
        return start;
    }

    /**
     * XORs {@code n} bytes from {@code at} with the masking key, the first of them with its byte
     * {@code offset}: eight bytes at a time, since the key repeats every four. Returns whether every byte unmasked is
     * ASCII.
     */
    static boolean unmask(ByteBuffer data, int at, int n, int mask, int offset) {
        long key = ((long) mask << 32) | (mask & 0xFFFFFFFFL);
        long rotated = Long.rotateLeft(key, 8 * offset);
        int end = at + n;
        int i = at;
        // the high bits of every byte unmasked: whether the text is ASCII comes with the same pass
        long high = 0;
        if (data.order() == ByteOrder.BIG_ENDIAN) {
            for (; i + 8 <= end; i += 8) {
                long unmasked = data.getLong(i) ^ rotated;
                data.putLong(i, unmasked);
                high |= unmasked;
            }
        }
        for (int k = (offset + (i - at)) & 3; i < end; i++, k = (k + 1) & 3) {
            byte unmasked = (byte) (data.get(i) ^ (mask >>> (24 - 8 * k)));
            data.put(i, unmasked);
            high |= unmasked;
        }
        return (high & 0x8080808080808080L) == 0;
    }

    /** The announced payload length; a 64-bit length with its top bit set reads as negative. */
    private long payloadLength() {
        int lengthCode = header[1] & 0x7F;
        if (lengthCode < 126) {
            return lengthCode;
        }
        int bytes = lengthCode == 126 ? 2 : 8;
        long length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (header[2 + i] & 0xFF);
        }
        return length;
    }

    /** Why the frame just read is refused, or {@code null}; keeps the count of the message's bytes. */
    private String refusal() {
        int opcode = header[0] & 0x0F;
        boolean fin = (header[0] & 0x80) != 0;
        if (!masked()) {
            return "a client's frames must be masked";
        }
        if (opcode >= 0x8) {
            return payloadLeft < 0 || payloadLeft > 125 ? "a control frame may have 125 bytes" : null;
        }
        long total = (opcode == 0 ? messageBytes : 0) + payloadLeft;
        if (payloadLeft < 0 || total > maxMessageBytes) {
            return "a message may have " + maxMessageBytes + " bytes";
        }
        messageBytes = fin ? 0 : total;
        return null;
    }

    private void refuse(String reason) {
        refused = true;
        CloseReason.CloseCode code = !reason.startsWith("a message")
                ? CloseReason.CloseCodes.PROTOCOL_ERROR : CloseReason.CloseCodes.TOO_BIG;
        LOG.log(Level.DEBUG, () -> "JRWS-0701 refused a WebSocket frame with " + code.getCode() + ": " + reason);
        // Tyrus sends the close frame, calls the endpoint's onClose, and closes the TCP connection
        connection.close(new CloseReason(code, reason));
    }

    private void handOver(ByteBuffer data, int from, int to) {
        if (to <= from) {
            return;
        }
        ByteBuffer part = data.duplicate();
        part.limit(to).position(from);
        tyrus.handle(part);
    }
}
