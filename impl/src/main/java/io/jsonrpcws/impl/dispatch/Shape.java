package io.jsonrpcws.impl.dispatch;

import jakarta.json.stream.JsonParser.Event;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What JSON a Java type takes as JSON-B binds it by default, in the client's terms: an object and its
 * members, an array and its elements, a whole number in a range, a string. {@link Shapes} builds them;
 * {@link ShapeWalk} follows a param's events along one, refusing the numbers JSON-B would bind with loss
 * and saying what was expected where binding fails. Immutable once built, parts built lazily, so recursive
 * types are fine; thread-safe.
 */
abstract class Shape {

    /** Anything: a type JSON-B maps in ways this model does not know (customized, {@code Object}, JSON-P). */
    static final Shape ANY = new Shape() {
        @Override
        String expected() {
            return "a value";
        }

        @Override
        boolean fits(Event e) {
            return true;
        }
    };

    /** A member the type does not have: anything, as far as checks go; JSON-B ignores it or refuses it. */
    static final Shape UNKNOWN = new Shape() {
        @Override
        String expected() {
            return "a value";
        }

        @Override
        boolean fits(Event e) {
            return true;
        }
    };

    /** What the client should send, as a phrase: "an object", "a whole number from 0 to 255". */
    abstract String expected();

    /** Whether a value starting with this event is of the kind expected, so that a failure is about its content. */
    abstract boolean fits(Event e);

    /**
     * Whether a value starting with this event is refused at once, being of a kind JSON-B fails on anyway:
     * an array or object for a scalar type, a number for a record. Refused early, it is told precisely.
     */
    boolean refuses(Event e) {
        return false;
    }

    /** Scalars refuse arrays and objects. */
    static boolean structure(Event e) {
        return e == Event.START_ARRAY || e == Event.START_OBJECT;
    }

    /** Strings, numbers and booleans: {@code null} is never refused, JSON-B binds it as Java's. */
    static boolean scalar(Event e) {
        return e == Event.VALUE_STRING || e == Event.VALUE_NUMBER || e == Event.VALUE_TRUE || e == Event.VALUE_FALSE;
    }

    /**
     * Checks the scalar value the parser is on.
     *
     * @return what is wrong with it, or {@code null} when it may be bound
     */
    String check(Event e, ReplayParser parser) {
        return null;
    }

    /** The shape of the elements, for an array of this shape. */
    Shape element() {
        return ANY;
    }

    /** The shape of a member, for an object of this shape; {@code null} for a member the type does not have. */
    Shape member(String key) {
        return ANY;
    }

    /** Java's integer types: whole numbers only, within the type's range. */
    static final class Whole extends Shape {
        private final long min;
        private final long max;
        /** Whether JSON-B reads the type from the number's text, which must then be plain digits. */
        private final boolean fromText;
        private final String expected;

        Whole(long min, long max, boolean fromText) {
            this.min = min;
            this.max = max;
            this.fromText = fromText;
            this.expected = StrictNumbers.phrase(min, max);
        }

        @Override
        String expected() {
            return expected;
        }

        @Override
        boolean fits(Event e) {
            return e == Event.VALUE_NUMBER;
        }

        @Override
        boolean refuses(Event e) {
            return structure(e);
        }

        @Override
        String check(Event e, ReplayParser parser) {
            if (e != Event.VALUE_NUMBER) {
                return null;
            }
            long value;
            try {
                value = StrictNumbers.whole(parser, min, max);
            } catch (ArithmeticException out) {
                return "expected " + expected;
            }
            if (fromText && !parser.isIntegralNumber()) {
                // 2.0 and 1e2 are whole numbers; JSON-B's Short.parseShort would refuse their text
                parser.replaceText(Long.toString(value));
            }
            return null;
        }
    }

    /** {@code double} and {@code float}: finite numbers within the type's range; never NaN or Infinity. */
    static final class Finite extends Shape {
        private final boolean single;
        private final String expected;

        Finite(boolean single) {
            this.single = single;
            String max = single ? Float.toString(Float.MAX_VALUE) : Double.toString(Double.MAX_VALUE);
            this.expected = "a number from -" + max + " to " + max;
        }

        @Override
        String expected() {
            return expected;
        }

        @Override
        boolean fits(Event e) {
            return e == Event.VALUE_NUMBER;
        }

        @Override
        boolean refuses(Event e) {
            return structure(e);
        }

        @Override
        String check(Event e, ReplayParser parser) {
            if (e == Event.VALUE_NUMBER) {
                String text = parser.getString();
                // Within 38 digits and no exponent, a number is within the range of both types.
                if ((text.length() > 38 || hasExponent(text)) && infinite(text)) {
                    return "expected " + expected;
                }
            } else if (e == Event.VALUE_STRING) {
                // JSON-B reads "NaN", "Infinity" and "1e999" from strings with Double.parseDouble
                try {
                    double value = single ? Float.parseFloat(parser.getString()) : Double.parseDouble(parser.getString());
                    if (Double.isNaN(value) || Double.isInfinite(value)) {
                        return "expected " + expected;
                    }
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            }
            return null;
        }

        private boolean infinite(String text) {
            return single ? Float.isInfinite(Float.parseFloat(text)) : Double.isInfinite(Double.parseDouble(text));
        }

        private static boolean hasExponent(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 'e' || c == 'E') {
                    return true;
                }
            }
            return false;
        }
    }

    /** Strings, booleans, big numbers, enums, dates: one kind of JSON scalar. */
    static final class Scalar extends Shape {
        private final String expected;
        private final Event kind;
        private final Event otherKind;
        private final boolean oneCharacter;

        /**
         * @param kind         the event of the values expected ({@code VALUE_TRUE} for booleans)
         * @param oneCharacter whether strings must be one character long ({@code char})
         */
        Scalar(String expected, Event kind, boolean oneCharacter) {
            this.expected = expected;
            this.kind = kind;
            this.otherKind = kind == Event.VALUE_TRUE ? Event.VALUE_FALSE : kind;
            this.oneCharacter = oneCharacter;
        }

        @Override
        String expected() {
            return expected;
        }

        @Override
        boolean fits(Event e) {
            return e == kind || e == otherKind;
        }

        @Override
        boolean refuses(Event e) {
            return structure(e);
        }

        @Override
        String check(Event e, ReplayParser parser) {
            // JSON-B takes the first character of a longer string
            return oneCharacter && e == Event.VALUE_STRING && parser.getString().length() != 1 ? "expected " + expected : null;
        }
    }

    /** Arrays, collections. */
    static final class ArrayOf extends Shape {
        private final Lazy element;

        ArrayOf(Supplier<Shape> element) {
            this.element = new Lazy(element);
        }

        @Override
        String expected() {
            return "an array";
        }

        @Override
        boolean fits(Event e) {
            return e == Event.START_ARRAY;
        }

        /** A string may be binary data in base 64, when the configuration says so. */
        @Override
        boolean refuses(Event e) {
            return e == Event.START_OBJECT || scalar(e) && e != Event.VALUE_STRING;
        }

        @Override
        Shape element() {
            return element.get();
        }
    }

    /** Maps: an object whose members are all of one shape. */
    static final class MapOf extends Shape {
        private final Lazy value;
        private final Shape entry;

        MapOf(Supplier<Shape> value) {
            this.value = new Lazy(value);
            // JSON-B also reads a map from an array of {"key": ..., "value": ...}, as it writes maps whose keys are not strings
            this.entry = new Obj(() -> Map.of("key", ANY, "value", this.value.get()), Shapes.Naming.EXACT);
        }

        @Override
        String expected() {
            return "an object";
        }

        @Override
        boolean fits(Event e) {
            return e == Event.START_OBJECT;
        }

        @Override
        boolean refuses(Event e) {
            return scalar(e);
        }

        @Override
        Shape member(String key) {
            return value.get();
        }

        @Override
        Shape element() {
            return entry;
        }
    }

    /** Records and classes: an object of named members. */
    static final class Obj extends Shape {
        private final Supplier<Map<String, Shape>> membersOf;
        private final Shapes.Naming naming;
        private volatile Map<String, Shape> members;
        private volatile Map<String, Shape> loose;

        /**
         * @param membersOf the members by the names JSON-B reads them under, built on first use
         */
        Obj(Supplier<Map<String, Shape>> membersOf, Shapes.Naming naming) {
            this.membersOf = membersOf;
            this.naming = naming;
        }

        @Override
        String expected() {
            return "an object";
        }

        @Override
        boolean fits(Event e) {
            return e == Event.START_OBJECT;
        }

        @Override
        boolean refuses(Event e) {
            return e == Event.START_ARRAY || scalar(e);
        }

        @Override
        Shape member(String key) {
            Map<String, Shape> exact = members;
            if (exact == null) {
                exact = membersOf.get();
                members = exact;
            }
            Shape shape = exact.get(key);
            if (shape != null || naming == Shapes.Naming.EXACT) {
                return shape;
            }
            Map<String, Shape> byLooseName = loose;
            if (byLooseName == null) {
                byLooseName = Shapes.Naming.loosely(exact);
                loose = byLooseName;
            }
            return byLooseName.get(Shapes.Naming.loose(key));
        }
    }

    /** A part of a shape built on first use, once or, racing, a few times alike. */
    static final class Lazy {
        private final Supplier<Shape> make;
        private volatile Shape shape;

        Lazy(Supplier<Shape> make) {
            this.make = make;
        }

        Shape get() {
            Shape s = shape;
            if (s == null) {
                s = make.get();
                shape = s;
            }
            return s;
        }
    }

    /** How a JSON value that starts with this event is named in a problem: "an object", "null". */
    static String found(Event e) {
        return switch (e) {
            case START_OBJECT, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case KEY_NAME -> "a member name";
        };
    }
}
