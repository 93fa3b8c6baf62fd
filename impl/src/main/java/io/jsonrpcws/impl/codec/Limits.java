package io.jsonrpcws.impl.codec;

/**
 * What one incoming frame may contain. Frames beyond a limit are answered with Invalid Request (id
 * {@code null}, {@code data} naming the limit) before any parsing, so a 100,000-deep array or a
 * {@code 1e999999} costs one linear scan and nothing else.
 *
 * @param maxBatchSize    the most messages in one batch
 * @param maxDepth        the deepest nesting of arrays and objects, the envelope included
 * @param maxStringLength the longest string, in characters as written (escapes included)
 * @param maxNumberLength the longest number, in characters; exponents beyond {@value #MAX_EXPONENT} in
 *                        magnitude are refused whatever their length
 */
public record Limits(int maxBatchSize, int maxDepth, int maxStringLength, int maxNumberLength) {

    /** The largest exponent magnitude accepted: far beyond {@code double}, cheap for {@code BigDecimal}. */
    public static final int MAX_EXPONENT = 1000;

    /** 100 messages per batch, depth 64, strings of 1 MiB characters, numbers of 100 characters. */
    public static final Limits DEFAULT = new Limits(100, 64, 1 << 20, 100);

    public Limits {
        // Not "+ this": in a compact constructor the fields are still unassigned and would print as zeros.
        if (maxBatchSize < 1 || maxDepth < 2 || maxStringLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("limits must be positive, depth at least 2: maxBatchSize=" + maxBatchSize
                    + ", maxDepth=" + maxDepth + ", maxStringLength=" + maxStringLength + ", maxNumberLength=" + maxNumberLength);
        }
    }
}
