package io.jsonrpcws.impl.codec;

/**
 * One pass over a frame's characters that checks the {@link Limits} before a parser or a binder sees
 * the frame. It does not validate JSON; the parser does that afterwards.
 */
public final class FrameScanner {

    private FrameScanner() {
    }

    /** The limit the frame exceeds, as a sentence for the client, or {@code null} when it is within them. */
    public static String check(String frame, Limits limits) {
        int depth = 0;
        int n = frame.length();
        for (int i = 0; i < n; i++) {
            char c = frame.charAt(i);
            switch (c) {
                case '"' -> {
                    int start = ++i;
                    i = closingQuote(frame, start, n);
                    if (i - start > limits.maxStringLength()) {
                        return "a string exceeds the limit of " + limits.maxStringLength() + " characters";
                    }
                }
                case '[', '{' -> {
                    if (++depth > limits.maxDepth()) {
                        return "nesting exceeds the limit of " + limits.maxDepth() + " levels";
                    }
                }
                case ']', '}' -> depth--;
                case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    int end = numberEnd(frame, i);
                    if (end - i > limits.maxNumberLength()) {
                        return "a number exceeds the limit of " + limits.maxNumberLength() + " characters";
                    }
                    if (exponentTooLarge(frame, i, end)) {
                        return "a number's exponent exceeds " + Limits.MAX_EXPONENT + " in magnitude";
                    }
                    i = end - 1;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /**
     * Where the string whose first character is at {@code from} ends: at its closing quote, the first one not
     * escaped by an odd run of backslashes, or at the frame's end. Found by {@link String#indexOf(int, int)}, which
     * the JVM scans many characters at a time: most of a frame is strings.
     */
    private static int closingQuote(String frame, int from, int n) {
        for (int quote = frame.indexOf('"', from); quote >= 0; quote = frame.indexOf('"', quote + 1)) {
            int backslashes = 0;
            for (int j = quote - 1; j >= from && frame.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                return quote;
            }
        }
        return n;
    }

    private static int numberEnd(String frame, int i) {
        int n = frame.length();
        while (i < n) {
            char c = frame.charAt(i);
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean exponentTooLarge(String frame, int start, int end) {
        int i = start;
        while (i < end && frame.charAt(i) != 'e' && frame.charAt(i) != 'E') {
            i++;
        }
        if (i == end) {
            return false;
        }
        i++;
        if (i < end && (frame.charAt(i) == '+' || frame.charAt(i) == '-')) {
            i++;
        }
        while (i < end && frame.charAt(i) == '0') {
            i++;
        }
        int value = 0;
        for (; i < end; i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
            if (value > Limits.MAX_EXPONENT) {
                return true;
            }
        }
        return false;
    }
}
