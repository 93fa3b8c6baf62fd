package io.jsonrpcws.impl.protocol;

/** Sizes of text in UTF-8, counted without encoding it. */
public final class Utf8 {

    private Utf8() {
    }

    /** Whether the text is longer than {@code maxBytes} in UTF-8; stops counting as soon as it is. */
    public static boolean longerThan(CharSequence text, long maxBytes) {
        int length = text.length();
        if (length > maxBytes) {
            return true;
        }
        if ((long) length * 3 <= maxBytes) {
            return false;
        }
        return length(text, maxBytes) > maxBytes;
    }

    /** The UTF-8 length of the text, or some number above {@code cap} as soon as it is known to exceed it. */
    public static long length(CharSequence text, long cap) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            // a surrogate pair is four bytes, two per half
            bytes += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
            if (bytes > cap) {
                return bytes;
            }
        }
        return bytes;
    }
}
