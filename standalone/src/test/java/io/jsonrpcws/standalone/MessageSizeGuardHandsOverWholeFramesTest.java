package io.jsonrpcws.standalone;

import jakarta.websocket.CloseReason;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.Writer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the guard hands to Tyrus's reader, however the bytes are cut into reads: every frame within the limit,
 * in order, with the payload it was sent with, unmasked unless its header was cut, never more at once than the
 * frame under way and what follows it can hold in a buffer of one frame; of a frame that takes its message over
 * the limit, nothing, and one close with 1009; of an unmasked frame, nothing, and one close with 1002.
 */
class MessageSizeGuardHandsOverWholeFramesTest {

    private static final int LIMIT = 1000;

    private final ByteArrayOutputStream handedOver = new ByteArrayOutputStream();
    private final List<Integer> handOverSizes = new ArrayList<>();
    private final List<CloseReason> closes = new ArrayList<>();
    private final MessageSizeGuard guard = new MessageSizeGuard(recorder(), closeRecorder(), LIMIT);

    @Test
    void framesWithinTheLimitGoThroughWhateverTheReads() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                stream.writeBytes(frame(0x9, true, random.nextInt(126)));
            } else if (kind == 1) {
                stream.writeBytes(frame(0x1, true, LIMIT - random.nextInt(3)));
            } else if (kind == 2) {
                stream.writeBytes(frame(0x1, false, LIMIT / 2));
                stream.writeBytes(frame(0xA, true, 3));
                stream.writeBytes(frame(0x0, true, LIMIT / 2));
            } else {
                stream.writeBytes(frame(0x1, true, random.nextInt(200)));
            }
        }
        byte[] bytes = stream.toByteArray();

        feed(bytes, random, 3 * LIMIT);

        assertEquals(List.of(), closes);
        byte[] got = handedOver.toByteArray();
        assertEquals(frames(bytes), frames(got));
        long unmasked = frames(got).stream().filter(frame -> !frame.masked()).count();
        assertTrue(unmasked > frames(got).size() / 2, () -> unmasked + " of " + frames(got).size() + " unmasked");
        // Tyrus holds, once a piece is handed over, the piece and what it has of the frame the piece starts in
        List<Integer> frameStarts = frames(got).stream().map(Frame::start).toList();
        int at = 0;
        for (int size : handOverSizes) {
            int from = at;
            int frameStart = frameStarts.stream().filter(start -> start <= from).reduce((a, b) -> b).orElseThrow();
            int held = at + size - frameStart;
            assertTrue(held <= MessageSizeGuard.tyrusBufferSize(LIMIT), () -> "Tyrus would hold " + held + " bytes");
            at += size;
        }
    }

    @Test
    void framesReadWholeReachTyrusUnmasked() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int length : new int[]{0, 1, 3, 7, 8, 9, 125, 126, 999}) {
            stream.writeBytes(frame(0x1, true, length));
        }
        stream.writeBytes(frame(0x9, true, 5));
        byte[] bytes = stream.toByteArray();

        guard.handle(ByteBuffer.wrap(bytes.clone()));

        List<Frame> got = frames(handedOver.toByteArray());
        assertEquals(frames(bytes), got);
        assertTrue(got.stream().noneMatch(Frame::masked), got::toString);
    }

    @Test
    void unmaskingMatchesTheKeyAtEveryOffsetAndLength() {
        Random random = new Random(3);
        for (int offset = 0; offset < 4; offset++) {
            for (int length = 0; length < 40; length++) {
                byte[] payload = new byte[length + 5];
                random.nextBytes(payload);
                int mask = random.nextInt();
                byte[] expected = payload.clone();
                for (int i = 0; i < length; i++) {
                    expected[2 + i] ^= (byte) (mask >>> (24 - 8 * ((offset + i) & 3)));
                }
                boolean ascii = true;
                for (int i = 0; i < length; i++) {
                    ascii &= expected[2 + i] >= 0;
                }
                boolean said = MessageSizeGuard.unmask(ByteBuffer.wrap(payload), 2, length, mask, offset);
                assertArrayEquals(expected, payload, "offset " + offset + ", length " + length);
                assertEquals(ascii, said, "offset " + offset + ", length " + length + ": ASCII");
            }
        }
    }

    @Test
    void anUnmaskedFrameIsRefusedWith1002() {
        byte[] masked = frame(0x1, true, 10);
        byte[] unmasked = {(byte) 0x81, 3, 'a', 'b', 'c'};
        ByteBuffer both = ByteBuffer.allocate(masked.length + unmasked.length).put(masked.clone()).put(unmasked).flip();

        guard.handle(both);

        assertEquals(1, closes.size());
        assertEquals(1002, closes.get(0).getCloseCode().getCode());
        assertEquals(frames(masked), frames(handedOver.toByteArray()));
    }

    /** A frame as read: where it starts in its stream, and its payload unmasked. */
    private record Frame(int start, int first, boolean masked, List<Byte> payload) {
        @Override
        public boolean equals(Object other) {
            // where it starts and whether it is masked are how it travels, not what it says
            return other instanceof Frame frame && frame.first == first && frame.payload.equals(payload);
        }

        @Override
        public int hashCode() {
            return first * 31 + payload.hashCode();
        }
    }

    /** The frames of a stream of frames with lengths of at most 16 bits, masked or not. */
    private static List<Frame> frames(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        for (int at = 0; at < bytes.length; ) {
            int code = bytes[at + 1] & 0x7F;
            boolean masked = (bytes[at + 1] & 0x80) != 0;
            int length = code < 126 ? code : ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            int keyAt = at + 2 + (code < 126 ? 0 : 2);
            int payloadAt = keyAt + (masked ? 4 : 0);
            List<Byte> payload = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                payload.add((byte) (bytes[payloadAt + i] ^ (masked ? bytes[keyAt + (i & 3)] : 0)));
            }
            frames.add(new Frame(at, bytes[at] & 0xFF, masked, payload));
            at = payloadAt + length;
        }
        return frames;
    }

    @Test
    void theFrameThatTakesAMessageOverTheLimitIsRefusedOnItsHeader() {
        byte[] before = frame(0x1, true, 10);
        byte[] first = frame(0x1, false, LIMIT / 2);
        byte[] second = frame(0x0, true, LIMIT / 2 + 1);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(before);
        stream.writeBytes(first);
        stream.writeBytes(second);

        feed(stream.toByteArray(), new Random(7), 1);

        assertEquals(1, closes.size());
        assertEquals(1009, closes.get(0).getCloseCode().getCode());
        // the refused frame's header may have begun in an earlier read: at most its first bytes got through
        byte[] got = handedOver.toByteArray();
        int firstLength = frameLength(got, 0);
        int whole = firstLength + frameLength(got, firstLength);
        assertEquals(frames(Arrays.copyOf(stream.toByteArray(), before.length + first.length)),
                frames(Arrays.copyOf(got, whole)));
        assertTrue(got.length - whole < 14, () -> (got.length - whole) + " bytes of the refused frame");
    }

    @Test
    void aSixteenMebibyteHeaderIsRefusedAlone() {
        byte[] header = {(byte) 0x81, (byte) (0x80 | 127), 0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 3, 4};

        guard.handle(ByteBuffer.wrap(header));
        guard.handle(ByteBuffer.wrap(new byte[64 * 1024]));

        assertEquals(0, handedOver.size());
        assertEquals(1, closes.size());
        assertEquals(1009, closes.get(0).getCloseCode().getCode());
    }

    /** Hands the guard a copy of the bytes in reads of random lengths (it unmasks in place). */
    private void feed(byte[] bytes, Random random, int maxRead) {
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(maxRead));
            guard.handle(ByteBuffer.wrap(Arrays.copyOfRange(bytes, at, at + n)));
            at += n;
        }
    }

    private static int frameLength(byte[] bytes, int at) {
        int code = bytes[at + 1] & 0x7F;
        int length = code < 126 ? code : ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
        return 2 + (code < 126 ? 0 : 2) + ((bytes[at + 1] & 0x80) != 0 ? 4 : 0) + length;
    }

    private static final Random CONTENT = new Random(11);

    /** A masked client frame of {@code length} payload bytes, random key and payload. */
    private static byte[] frame(int opcode, boolean fin, int length) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        if (length < 126) {
            frame.write(0x80 | length);
        } else {
            frame.write(0x80 | 126);
            frame.write(length >> 8);
            frame.write(length);
        }
        byte[] key = new byte[4];
        CONTENT.nextBytes(key);
        frame.writeBytes(key);
        byte[] payload = new byte[length];
        CONTENT.nextBytes(payload);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    private ReadHandler recorder() {
        return data -> {
            handOverSizes.add(data.remaining());
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            handedOver.writeBytes(bytes);
        };
    }

    private Connection closeRecorder() {
        return closedBy(closes::add);
    }

    /** A connection whose reader and writer the guard never asks for, and whose closes go to {@code onClose}. */
    static Connection closedBy(Consumer<CloseReason> onClose) {
        return new Connection() {
            @Override
            public ReadHandler getReadHandler() {
                return null;
            }

            @Override
            public Writer getWriter() {
                return null;
            }

            @Override
            public CloseListener getCloseListener() {
                return null;
            }

            @Override
            public void close(CloseReason reason) {
                onClose.accept(reason);
            }
        };
    }
}
