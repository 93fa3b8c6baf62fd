package io.jsonrpcws.impl.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Choices made from a fuzzer's bytes, as Jazzer's {@code FuzzedDataProvider} makes them: numbers from the
 * end, text from the front, so that a byte seed (a JSON document) stays readable as text. Unlike that
 * interface it takes a {@code byte[]}, the one parameter type for which Jazzer accepts seeds from
 * {@code @MethodSource}. Exhausted input yields the smallest choice and empty text.
 */
final class FuzzInput {

    private final byte[] data;
    private int front;
    private int back;

    FuzzInput(byte[] data) {
        this.data = data;
        this.back = data.length;
    }

    /** A number in {@code [min, max]}, from as few bytes at the end as the range needs. */
    int pick(int min, int max) {
        long range = (long) max - min;
        long r = 0;
        for (int used = 0; used < 4 && range >>> (8 * used) > 0 && back > front; used++) {
            r = r << 8 | (data[--back] & 0xFF);
        }
        return (int) (min + (range == 0 ? 0 : r % (range + 1)));
    }

    <T> T pick(List<T> values) {
        return values.get(pick(0, values.size() - 1));
    }

    boolean bit() {
        return pick(0, 1) == 1;
    }

    int anyInt() {
        return (int) bytesAtEnd(4);
    }

    long anyLong() {
        return bytesAtEnd(8);
    }

    private long bytesAtEnd(int n) {
        long r = 0;
        for (int i = 0; i < n && back > front; i++) {
            r = r << 8 | (data[--back] & 0xFF);
        }
        return r;
    }

    /** Up to {@code max} bytes from the front, as UTF-8 (malformed bytes become U+FFFD). */
    String text(int max) {
        int n = Math.min(pick(0, max), back - front);
        String s = new String(Arrays.copyOfRange(data, front, front + n), StandardCharsets.UTF_8);
        front += n;
        return s;
    }
}
