package io.jsonrpcws.standalone.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/**
 * A WebSocket client on a plain socket (RFC 6455), for what Tyrus will not do: send text frames that are
 * not UTF-8, or never read. Blocking; every read times out after {@link Servers#PATIENCE}.
 */
final class RawWebSocket implements AutoCloseable {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** A frame the server sent. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Random random = new Random();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawWebSocket connect(URI uri) throws IOException {
        return connect(uri, 0);
    }

    /**
     * Opens the connection and does the handshake.
     *
     * @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's default
     */
    static RawWebSocket connect(URI uri, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.setSoTimeout((int) Servers.PATIENCE.toMillis());
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) Servers.PATIENCE.toMillis());
            RawWebSocket ws = new RawWebSocket(socket);
            ws.handshake(uri);
            return ws;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void handshake(URI uri) throws IOException {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
        String accept = Base64.getEncoder().encodeToString(sha1(key + ACCEPT_GUID));
        if (!head.toLowerCase().contains("sec-websocket-accept: " + accept.toLowerCase())) {
            throw new IOException("handshake answered a wrong Sec-WebSocket-Accept: " + head);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed during the handshake: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 16_384) {
                throw new IOException("handshake response too long");
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void sendText(String text) throws IOException {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendFrame(int opcode, byte[] payload) throws IOException {
        out.write(frame(opcode, payload));
        out.flush();
    }

    /** Writes bytes as they are, such as several frames at once. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendClose(int code) throws IOException {
        sendFrame(CLOSE, new byte[]{(byte) (code >> 8), (byte) code});
    }

    /**
     * Sends one frame of a message that may be fragmented: {@code opcode} is {@link #TEXT} for the first
     * fragment and {@link #CONTINUATION} for the others, {@code fin} marks the last.
     */
    void sendFragment(int opcode, byte[] payload, boolean fin) throws IOException {
        out.write(frame(opcode, payload, fin));
        out.flush();
    }

    /** A final, masked frame, as a client must send. */
    byte[] frame(int opcode, byte[] payload) {
        return frame(opcode, payload, true);
    }

    private byte[] frame(int opcode, byte[] payload, boolean fin) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        frame.writeBytes(header(opcode, fin, payload.length, mask));
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    /**
     * Sends a final frame announcing {@code length} bytes of payload, the byte {@code fill} repeated, written
     * a chunk at a time so that the client never holds the whole frame. Stops at the first write that fails
     * (the server may close while the client still writes) and returns how many payload bytes were written.
     */
    long sendLongFrame(int opcode, long length, byte fill) {
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (fill ^ mask[i & 3]);
        }
        long written = 0;
        try {
            out.write(header(opcode, true, length, mask));
            while (written < length) {
                int n = (int) Math.min(chunk.length, length - written);
                out.write(chunk, 0, n);
                written += n;
            }
            out.flush();
        } catch (IOException closedMeanwhile) {
            // the server closed the connection before the end of the frame: what the caller checks for
        }
        return written;
    }

    /**
     * Sends the header of a final frame announcing {@code length} bytes of payload, and the first bytes of
     * that payload; the rest is never sent.
     */
    void sendFrameStart(int opcode, long length, byte[] start) throws IOException {
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        out.write(header(opcode, true, length, mask));
        byte[] masked = start.clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] ^= mask[i & 3];
        }
        out.write(masked);
        out.flush();
    }

    private static byte[] header(int opcode, boolean fin, long length, byte[] mask) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(14);
        header.write((fin ? 0x80 : 0) | opcode);
        if (length < 126) {
            header.write(0x80 | (int) length);
        } else if (length < 65_536) {
            header.write(0x80 | 126);
            header.write((int) (length >> 8));
            header.write((int) length);
        } else {
            header.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) (length >> shift));
            }
        }
        header.writeBytes(mask);
        return header.toByteArray();
    }

    /** The next frame from the server, or {@code null} when it closed the TCP connection. */
    Frame readFrame() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int second = readByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("frame too long: " + length);
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("the server closed in the middle of a frame");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame(first & 0x0F, payload);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed in the middle of a frame");
        }
        return b;
    }

    /** The next text frame. */
    String readText() throws IOException {
        Frame frame = readFrame();
        if (frame == null || frame.opcode() != TEXT) {
            throw new IOException("expected a text frame, got " + describe(frame));
        }
        return frame.text();
    }

    /**
     * Reads, and drops, frames until the close frame, which it returns; {@code null} if the server closed
     * TCP without one. Bounded by the socket's read time-out and by {@code maxFrames}.
     */
    Frame readUntilClose(int maxFrames) throws IOException {
        for (int i = 0; i < maxFrames; i++) {
            Frame frame = readFrame();
            if (frame == null || frame.opcode() == CLOSE) {
                return frame;
            }
        }
        throw new IOException("no close frame among " + maxFrames + " frames");
    }

    static String describe(Frame frame) {
        if (frame == null) {
            return "the end of the stream";
        }
        return frame.opcode() == CLOSE ? "close " + frame.closeCode() + " " + frame.closeReason()
                : "opcode " + frame.opcode() + " of " + frame.payload().length + " bytes";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
