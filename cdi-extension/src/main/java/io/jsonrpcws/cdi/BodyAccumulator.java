package io.jsonrpcws.cdi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a request body as they arrive, at most {@code max} of them, decoded once complete. Grows as bytes
 * come rather than trusting a declared length. Not thread-safe: one reader at a time, as the containers call it.
 */
final class BodyAccumulator {

    private final int max;
    private byte[] bytes;
    private int length;

    /**
     * @param max           the most bytes the body may have
     * @param declaredLength the {@code Content-Length}, or -1; sizes the first buffer, up to 16 KiB, so that a
     *                       client declaring much and sending little costs little
     */
    BodyAccumulator(int max, long declaredLength) {
        this.max = max;
        this.bytes = new byte[(int) Math.min(Math.min(max, 16_384), declaredLength > 0 ? declaredLength : 1024)];
    }

    /** Adds bytes; {@code false} when the body has grown beyond the maximum (they are not kept). */
    boolean append(byte[] source, int offset, int count) {
        if (count > max - length) {
            return false;
        }
        ensure(length + count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return true;
    }

    /** Adds the buffer's remaining bytes; {@code false} when the body has grown beyond the maximum. */
    boolean append(ByteBuffer source) {
        int count = source.remaining();
        if (count > max - length) {
            return false;
        }
        ensure(length + count);
        source.get(bytes, length, count);
        length += count;
        return true;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(capacity, (long) bytes.length * 2)));
        }
    }

    /** The body as text, refusing what is not UTF-8 rather than replacing it. */
    String decode() throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length))
                .toString();
    }
}
