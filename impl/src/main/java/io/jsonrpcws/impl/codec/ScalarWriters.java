package io.jsonrpcws.impl.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Strings, numbers, booleans, characters and enum constants, written as Yasson writes them through Parsson: whole
 * numbers as Java prints them, a {@code double} as {@link Double#toString} does ({@code 3.0}, {@code 1.0E20},
 * {@code -0.0}), a {@code float} through {@code new BigDecimal(String.valueOf(f))} ({@code 1.0E+10}, {@code -0.0f}
 * as {@code 0.0}), {@code BigDecimal} and {@code BigInteger} by their {@code toString()}, a character and an enum's
 * {@code name()} as strings. A {@code NaN} or an infinity makes JSON-B fail; it is left to JSON-B to fail its way.
 */
final class ScalarWriters {

    private static final Map<Class<?>, ValueWriter> EXACT = Map.ofEntries(
            Map.entry(String.class, new Text()),
            Map.entry(Integer.class, new Whole()),
            Map.entry(Short.class, new Whole()),
            Map.entry(Byte.class, new Whole()),
            Map.entry(Long.class, new Whole()),
            Map.entry(Boolean.class, new Bool()),
            Map.entry(Double.class, new DoubleWriter()),
            Map.entry(Float.class, new FloatWriter()),
            Map.entry(Character.class, new CharWriter()),
            Map.entry(BigDecimal.class, new Printed()),
            Map.entry(BigInteger.class, new Printed()));

    private static final ValueWriter ENUM = new EnumWriter();

    private ScalarWriters() {
    }

    /** The writer of exactly this class, or {@code null} when it is not one of these scalars. */
    static ValueWriter of(Class<?> type) {
        return EXACT.get(type);
    }

    /** The writer of enum constants: their {@code name()}. */
    static ValueWriter enums() {
        return ENUM;
    }

    /**
     * How a primitive of this type is appended, as a method handle {@code (StringBuilder, type)void}; {@code short}
     * and {@code byte} print as {@code int}s.
     */
    static MethodHandle appender(Class<?> primitive) {
        MethodHandle append = APPENDERS.get(primitive == short.class || primitive == byte.class ? int.class : primitive);
        return append.asType(MethodType.methodType(void.class, StringBuilder.class, primitive));
    }

    private static final Map<Class<?>, MethodHandle> APPENDERS = appenders();

    private static Map<Class<?>, MethodHandle> appenders() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            return Map.of(
                    int.class, lookup.findStatic(ScalarWriters.class, "appendInt", MethodType.methodType(void.class, StringBuilder.class, int.class)),
                    long.class, lookup.findStatic(ScalarWriters.class, "appendLong", MethodType.methodType(void.class, StringBuilder.class, long.class)),
                    boolean.class, lookup.findStatic(ScalarWriters.class, "appendBoolean", MethodType.methodType(void.class, StringBuilder.class, boolean.class)),
                    double.class, lookup.findStatic(ScalarWriters.class, "appendDouble", MethodType.methodType(void.class, StringBuilder.class, double.class)),
                    float.class, lookup.findStatic(ScalarWriters.class, "appendFloat", MethodType.methodType(void.class, StringBuilder.class, float.class)),
                    char.class, lookup.findStatic(ScalarWriters.class, "appendChar", MethodType.methodType(void.class, StringBuilder.class, char.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void appendInt(StringBuilder out, int i) {
        out.append(i);
    }

    private static void appendLong(StringBuilder out, long l) {
        out.append(l);
    }

    private static void appendBoolean(StringBuilder out, boolean b) {
        out.append(b);
    }

    static void appendDouble(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Redo("a double JSON cannot hold");
        }
        out.append(d);
    }

    static void appendFloat(StringBuilder out, float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            throw new Redo("a float JSON cannot hold");
        }
        out.append(new BigDecimal(Float.toString(f)));
    }

    static void appendChar(StringBuilder out, char c) {
        ResponseWriter.string(out, String.valueOf(c));
    }

    private static final class Text extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            ResponseWriter.string(out, (String) value);
        }
    }

    /** Integer, Long, Short and Byte print the same way. */
    private static final class Whole extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            if (value instanceof Integer i) {
                out.append(i.intValue());
            } else {
                out.append(((Number) value).longValue());
            }
        }
    }

    private static final class Bool extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            out.append(((Boolean) value).booleanValue());
        }
    }

    private static final class DoubleWriter extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            appendDouble(out, (Double) value);
        }
    }

    private static final class FloatWriter extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            appendFloat(out, (Float) value);
        }
    }

    private static final class CharWriter extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            appendChar(out, (Character) value);
        }
    }

    /** BigDecimal and BigInteger: Parsson writes their {@code toString()}. */
    private static final class Printed extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            out.append(value);
        }
    }

    private static final class EnumWriter extends ValueWriter {
        @Override
        void write(StringBuilder out, Object value, int depth) {
            ResponseWriter.string(out, ((Enum<?>) value).name());
        }
    }
}
