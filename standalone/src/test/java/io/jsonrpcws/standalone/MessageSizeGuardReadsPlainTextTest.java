package io.jsonrpcws.standalone;

import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard reads whole, final ASCII text frames itself and hands every other frame to Tyrus: whatever the reads,
 * the connection sees every message once, in the order sent; nothing after a close frame, nothing of a message in
 * fragments and nothing that is not ASCII is read by the guard.
 */
class MessageSizeGuardReadsPlainTextTest {

    private static final int LIMIT = 100_000;

    /** What reached the connection, in order: "guard:" for what the guard read, "tyrus:" for the frames Tyrus got. */
    private final List<String> seen = new ArrayList<>();
    private final Received tyrusBytes = new Received();
    private int tyrusParsed;
    private final MessageSizeGuard guard = new MessageSizeGuard(tyrus(), noCloses(), LIMIT,
            (text, last) -> seen.add("guard:" + text + (last ? "" : " (part)")));

    @Test
    void plainTextIsReadHereAndEverythingElseGoesToTyrusInOrder() {
        byte[] stream = stream();

        guard.handle(ByteBuffer.wrap(stream.clone()));

        assertEquals(List.of("guard:{\"a\":1}", "tyrus:9 ping", "tyrus:1 caf\u00e9", "tyrus:1- first half ",
                "tyrus:0 second half", "guard:" + "x".repeat(70_000), "tyrus:8 ", "tyrus:1 after close"), seen);
    }

    @Test
    void whateverTheReadsEveryMessageArrivesOnceInOrder() {
        byte[] stream = stream();
        Random random = new Random(5);
        for (int round = 0; round < 100; round++) {
            seen.clear();
            tyrusBytes.reset();
            tyrusParsed = 0;
            MessageSizeGuard fresh = new MessageSizeGuard(tyrus(), noCloses(), LIMIT,
                    (text, last) -> seen.add("guard:" + text));
            int maxRead = 1 + random.nextInt(round < 50 ? 20 : 80_000);
            for (int at = 0; at < stream.length; ) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(maxRead));
                fresh.handle(ByteBuffer.wrap(Arrays.copyOfRange(stream, at, at + n)));
                at += n;
            }
            List<String> messages = seen.stream().map(s -> s.startsWith("guard:") ? "1 " + s.substring(6) : s.substring(6)).toList();
            assertEquals(List.of("1 {\"a\":1}", "9 ping", "1 caf\u00e9", "1- first half ", "0 second half",
                    "1 " + "x".repeat(70_000), "8 ", "1 after close"), messages, "round " + round);
            int closeAt = seen.indexOf("tyrus:8 ");
            assertTrue(seen.subList(closeAt, seen.size()).stream().noneMatch(s -> s.startsWith("guard:")), seen::toString);
        }
    }

    private static byte[] stream() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame(0x81, "{\"a\":1}"));
        stream.writeBytes(frame(0x89, "ping"));
        stream.writeBytes(frame(0x81, "caf\u00e9"));
        stream.writeBytes(frame(0x01, "first half "));
        stream.writeBytes(frame(0x80, "second half"));
        stream.writeBytes(frame(0x81, "x".repeat(70_000)));
        stream.writeBytes(frame(0x88, ""));
        stream.writeBytes(frame(0x81, "after close"));
        return stream.toByteArray();
    }

    /** A masked client frame with this first byte and text. */
    private static byte[] frame(int first, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(first);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) ((long) payload.length >> (8 * i)));
            }
        }
        byte[] key = {0x12, 0x34, 0x56, 0x78};
        frame.writeBytes(key);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ key[i & 3]);
        }
        return frame.toByteArray();
    }

    /** Records each frame Tyrus would read, once all of it has been handed over: "tyrus:OPCODE TEXT". */
    private ReadHandler tyrus() {
        return data -> {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            tyrusBytes.writeBytes(bytes);
            // the bytes so far, read in place: a copy per read would make small reads of a long frame quadratic
            byte[] all = tyrusBytes.bytes();
            int length = tyrusBytes.size();
            while (true) {
                int at = tyrusParsed;
                if (length - at < 2) {
                    return;
                }
                boolean masked = (all[at + 1] & 0x80) != 0;
                int code = all[at + 1] & 0x7F;
                int lengthBytes = code < 126 ? 0 : code == 126 ? 2 : 8;
                if (length - at < 2 + lengthBytes) {
                    return;
                }
                long payloadLength = code < 126 ? code : 0;
                for (int i = 0; i < lengthBytes; i++) {
                    payloadLength = (payloadLength << 8) | (all[at + 2 + i] & 0xFF);
                }
                int payloadAt = at + 2 + lengthBytes + (masked ? 4 : 0);
                if (length < payloadAt + payloadLength) {
                    return;
                }
                byte[] payload = Arrays.copyOfRange(all, payloadAt, payloadAt + (int) payloadLength);
                if (masked) {
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= all[payloadAt - 4 + (i & 3)];
                    }
                }
                int opcode = all[at] & 0x0F;
                boolean fin = (all[at] & 0x80) != 0;
                seen.add("tyrus:" + opcode + (fin ? "" : "-") + " " + new String(payload, StandardCharsets.UTF_8));
                tyrusParsed = payloadAt + (int) payloadLength;
            }
        };
    }

    /** What Tyrus was handed, readable in place. */
    private static final class Received extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }

    private static Connection noCloses() {
        return MessageSizeGuardHandsOverWholeFramesTest.closedBy(reason -> {
            throw new AssertionError("closed: " + reason);
        });
    }
}
