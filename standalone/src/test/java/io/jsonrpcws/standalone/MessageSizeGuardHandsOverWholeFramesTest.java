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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the guard hands to Tyrus's reader, however the bytes are cut into reads: every byte of frames within
 * the limit, in order, never more at once than the frame under way and what follows it can hold in a buffer
 * of one frame; of a frame that takes its message over the limit, nothing, and one close with 1009.
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
        assertArrayEquals(bytes, handedOver.toByteArray());
        // Tyrus holds, once a piece is handed over, the piece and what it has of the frame the piece starts in
        List<Integer> frameStarts = frameStarts(bytes);
        int at = 0;
        for (int size : handOverSizes) {
            int from = at;
            int frameStart = frameStarts.stream().filter(start -> start <= from).reduce((a, b) -> b).orElseThrow();
            int held = at + size - frameStart;
            assertTrue(held <= MessageSizeGuard.tyrusBufferSize(LIMIT), () -> "Tyrus would hold " + held + " bytes");
            at += size;
        }
    }

    /** Where each frame of a stream of frames with lengths of at most 16 bits starts. */
    private static List<Integer> frameStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        for (int at = 0; at < bytes.length; ) {
            starts.add(at);
            int code = bytes[at + 1] & 0x7F;
            int length = code < 126 ? code : ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            at += 2 + (code < 126 ? 0 : 2) + 4 + length;
        }
        return starts;
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
        byte[] expected = Arrays.copyOf(stream.toByteArray(), before.length + first.length);
        // the refused frame's header may have begun in an earlier read: at most its first bytes got through
        byte[] got = handedOver.toByteArray();
        assertTrue(got.length >= expected.length && got.length < expected.length + 14, () -> got.length + " bytes");
        assertArrayEquals(expected, Arrays.copyOf(got, expected.length));
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

    private void feed(byte[] bytes, Random random, int maxRead) {
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(maxRead));
            guard.handle(ByteBuffer.wrap(bytes, at, n).slice());
            at += n;
        }
    }

    /** A masked client frame of {@code length} payload bytes. */
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
        frame.writeBytes(new byte[]{1, 2, 3, 4});
        frame.writeBytes(new byte[length]);
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
                closes.add(reason);
            }
        };
    }
}
