package io.jsonrpcws.standalone;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The frames the runtime writes itself: final, unmasked text frames whose length field fits the payload. */
class TyrusTextWriterFramesTest {

    @Test
    void eachLengthTakesTheHeaderRfc6455GivesIt() {
        for (int length : new int[]{0, 1, 125, 126, 127, 65535, 65536, 200_000}) {
            String text = "x".repeat(length);
            ByteBuffer frame = TyrusTextWriter.frame(text);
            assertEquals(text, payloadOf(frame), "length " + length);
        }
    }

    @Test
    void textIsEncodedAsUtf8() {
        String text = "caf\u00e9 \u20ac \u4e2d\u6587 \ud83d\ude00 \"quoted\"".repeat(20);
        assertEquals(text, payloadOf(TyrusTextWriter.frame(text)));
    }

    /** Reads one frame as a client does, checking the parts a server's text frame must have. */
    private static String payloadOf(ByteBuffer frame) {
        assertEquals(0x81, frame.get() & 0xFF, "FIN and text opcode");
        int second = frame.get() & 0xFF;
        assertEquals(0, second & 0x80, "a server's frame is not masked");
        int code = second & 0x7F;
        long length = code < 126 ? code : code == 126 ? frame.getShort() & 0xFFFF : frame.getLong();
        if (code == 126) {
            assertEquals(true, length >= 126, "the shortest form of the length");
        } else if (code == 127) {
            assertEquals(true, length >= 65536, "the shortest form of the length");
        }
        assertEquals(length, frame.remaining(), "the payload is the rest of the frame");
        byte[] payload = new byte[frame.remaining()];
        frame.get(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
