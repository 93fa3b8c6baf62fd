package io.jsonrpcws.impl.codec;

/**
 * Writes the values of one Java class as this engine's JSON-B writes them with its default mapping. Built once
 * per class by {@link ValueWriters}; thread-safe, and immutable but for {@link #lastLength}.
 */
abstract class ValueWriter {

    /**
     * How long the last value this writer wrote whole was, so that the next one's message is sized once instead of
     * growing (and copying) five times for a kilobyte. Only a hint: threads race on it on purpose.
     */
    int lastLength;

    /** Nesting beyond this is taken for a cycle and left to JSON-B, which reports recursion its own way. */
    static final int MAX_DEPTH = 100;

    /**
     * Whether the value stands for nothing, as an empty {@code Optional} does: JSON-B leaves such a member out
     * of an object and writes {@code null} in its place elsewhere.
     */
    boolean absent(Object value) {
        return false;
    }

    /**
     * Appends the value, which is not {@code null}, nor {@link #absent}.
     *
     * @param depth how many objects, arrays and maps enclose it
     * @throws Redo when only JSON-B can write the whole value this one is part of
     * @throws RuntimeException as JSON-B throws it, such as a getter's failure wrapped as JSON-B wraps it
     */
    abstract void write(StringBuilder out, Object value, int depth);

    /** Why values of this class are left to JSON-B; {@code null} when this writer writes them itself. */
    String whyJsonb() {
        return null;
    }

    static int deeper(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new Redo("nesting deeper than " + MAX_DEPTH);
        }
        return depth + 1;
    }
}
