package io.jsonrpcws.impl.codec;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The scan finds each string's end as a character-by-character reading would: escapes, runs of backslashes. */
class FrameScannerTest {

    private static final Limits SMALL = new Limits(10, 3, 5, 4);

    @Test
    void whatIsInsideAStringIsNotStructure() {
        assertNull(FrameScanner.check("[\"[[[[\",\"{{{{\"]", SMALL));
        assertNull(FrameScanner.check("[\"\\\"[[[\"]", new Limits(10, 3, 10, 4)));
        assertEquals("nesting exceeds the limit of 3 levels", FrameScanner.check("[\"\\\\\",[[[1]]]]", SMALL));
        assertEquals("a string exceeds the limit of 5 characters", FrameScanner.check("[\"\\\\\\\"ab\"]", SMALL));
        assertNull(FrameScanner.check("[\"\\\\\\\"a\"]", SMALL));
    }

    @Test
    void randomFramesAreScannedAsCharacterByCharacter() {
        Random random = new Random(17);
        // no digits: numbers are scanned the same way as before, strings are what changed
        String alphabet = "\"\"\\\\\\[]{}e+.x ,:";
        for (int round = 0; round < 200_000; round++) {
            StringBuilder frame = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                frame.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = frame.toString();
            assertEquals(byCharacter(text, SMALL), FrameScanner.check(text, SMALL), text);
        }
    }

    /** The scan as it read strings before: a character at a time, a backslash skipping the next. */
    private static String byCharacter(String frame, Limits limits) {
        int depth = 0;
        int n = frame.length();
        for (int i = 0; i < n; i++) {
            char c = frame.charAt(i);
            switch (c) {
                case '"' -> {
                    int start = ++i;
                    while (i < n && (c = frame.charAt(i)) != '"') {
                        i += c == '\\' ? 2 : 1;
                    }
                    // an unterminated string ends at the frame's end, not past it
                    if (Math.min(i, n) - start > limits.maxStringLength()) {
                        return "a string exceeds the limit of " + limits.maxStringLength() + " characters";
                    }
                }
                case '[', '{' -> {
                    if (++depth > limits.maxDepth()) {
                        return "nesting exceeds the limit of " + limits.maxDepth() + " levels";
                    }
                }
                case ']', '}' -> depth--;
                default -> {
                }
            }
        }
        return null;
    }
}
