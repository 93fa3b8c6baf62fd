package io.jsonrpcws.impl.engine;

import jakarta.json.stream.JsonParser;

/**
 * Reads JSON numbers for Java's integer types without loss. JSON-B alone truncates {@code 1.5} to 1 and
 * wraps {@code 9999999999} around to 1410065407 for an {@code int}; here a number that is not whole, or
 * does not fit, is refused. Whole numbers written with a fraction or an exponent ({@code 2.0}, {@code 1e3})
 * are whole numbers and accepted.
 */
final class StrictNumbers {

    private StrictNumbers() {
    }

    /**
     * The number the parser is on, when it is a whole number from {@code min} to {@code max}.
     *
     * @throws ArithmeticException when it has a fraction or lies outside the range
     */
    static long whole(JsonParser parser, long min, long max) {
        String digits = parser.getString();
        long value = parser.isIntegralNumber() && digits.length() <= 18
                ? Long.parseLong(digits) : parser.getBigDecimal().longValueExact();
        if (value < min || value > max) {
            throw new ArithmeticException("out of range");
        }
        return value;
    }

    /** The phrase for the client: what an integer type accepts. */
    static String phrase(long min, long max) {
        return "a whole number from " + min + " to " + max;
    }
}
