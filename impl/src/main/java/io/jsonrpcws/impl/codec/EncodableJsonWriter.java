package io.jsonrpcws.impl.codec;

import java.io.Writer;

/**
 * Lets JSON-B append to the text being built, and writes each lone surrogate as its JSON escape
 * ({@code \ud800}). A lone surrogate has no UTF-8 encoding, so a frame holding one raw fails in the
 * transport or reaches the peer mangled; JSON's escape carries it intact. JSON-B's output is JSON, whose
 * structure is ASCII, so every surrogate it writes is inside a string literal, where the escape is valid.
 * Surrogate pairs are written as they are, also when JSON-B writes their halves in separate calls.
 * Closing it writes a surrogate held back and nothing else.
 */
final class EncodableJsonWriter extends Writer {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** A high surrogate that ended the last write: the next character says whether it begins a pair. */
    private char pendingHigh;

    EncodableJsonWriter(StringBuilder out) {
        this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        int end = off + len;
        int i = resolvePending(off < end ? buf[off] : 0, off, end);
        int plain = i;
        for (; i < end; i++) {
            char c = buf[i];
            if (Character.isSurrogate(c)) {
                out.append(buf, plain, i - plain);
                i = surrogate(c, i + 1 < end ? buf[i + 1] : 0, i, end);
                plain = i + 1;
            }
        }
        out.append(buf, plain, end - plain);
    }

    @Override
    public void write(String str, int off, int len) {
        int end = off + len;
        int i = resolvePending(off < end ? str.charAt(off) : 0, off, end);
        int plain = i;
        for (; i < end; i++) {
            char c = str.charAt(i);
            if (Character.isSurrogate(c)) {
                out.append(str, plain, i);
                i = surrogate(c, i + 1 < end ? str.charAt(i + 1) : 0, i, end);
                plain = i + 1;
            }
        }
        out.append(str, plain, end);
    }

    @Override
    public void write(int c) {
        write(new char[] {(char) c}, 0, 1);
    }

    /** Writes the high surrogate held back, paired with {@code first} when that is a low one; returns where to go on. */
    private int resolvePending(char first, int off, int end) {
        if (pendingHigh == 0 || off == end) {
            return off;
        }
        char high = pendingHigh;
        pendingHigh = 0;
        if (Character.isLowSurrogate(first)) {
            out.append(high).append(first);
            return off + 1;
        }
        escape(high);
        return off;
    }

    /**
     * Writes the surrogate {@code c} at {@code i}, given the character after it ({@code 0} at the end of the
     * write); returns the index of the last character written.
     */
    private int surrogate(char c, char next, int i, int end) {
        if (Character.isHighSurrogate(c) && i + 1 == end) {
            pendingHigh = c;
            return i;
        }
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
            out.append(c).append(next);
            return i + 1;
        }
        escape(c);
        return i;
    }

    private void escape(char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }

    @Override
    public void flush() {
        if (pendingHigh != 0) {
            escape(pendingHigh);
            pendingHigh = 0;
        }
    }

    @Override
    public void close() {
        flush();
    }
}
