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
        long bytes = 0;
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            // a surrogate pair is four bytes, two per half
            bytes += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
            if (bytes > maxBytes) {
                return true;
            }
        }
        return false;
    }
}
