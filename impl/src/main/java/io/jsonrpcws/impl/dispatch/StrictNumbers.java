package io.jsonrpcws.impl.dispatch;

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
        // the parser calls 1.5e1 integral (a whole number written with an exponent): only plain digits are parsed
        long value = plainDigits(digits) ? Long.parseLong(digits) : parser.getBigDecimal().longValueExact();
        if (value < min || value > max) {
            throw new ArithmeticException("out of range");
        }
        return value;
    }

    /** Whether the lexeme is an optional minus and at most 18 digits: a long, read without BigDecimal. */
    private static boolean plainDigits(String lexeme) {
        int length = lexeme.length();
        if (length == 0 || length > 18) {
            return false;
        }
        for (int i = lexeme.charAt(0) == '-' ? 1 : 0; i < length; i++) {
            char c = lexeme.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return length > (lexeme.charAt(0) == '-' ? 1 : 0);
    }

    /** The phrase for the client: what an integer type accepts. */
    static String phrase(long min, long max) {
        return "a whole number from " + min + " to " + max;
    }
}
