package io.jsonrpcws.impl.codec;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Strings, numbers, booleans, characters, enums, collections, maps with string keys, arrays and optionals take the
 * fast path, as values of their own and as elements, and come out as Yasson writes them: its number formats
 * ({@code 3.0}, {@code 1.0E20}, a float's {@code 1.0E+10}, {@code -0.0} and {@code 0.0}), its escapes (lone
 * surrogates escaped on both paths), {@code null}s and empty optionals as {@code null} inside containers, and
 * {@code byte[]} as numbers.
 */
class ValuesOfTheJavaPlatformAreWrittenAsYassonWritesThemTest {

    private final SameAsJsonb both = new SameAsJsonb();

    public enum Suit {
        HEARTS, SPADES {
            @Override
            public String toString() {
                return "a constant with a body";
            }
        }
    }

    @Test
    void numbers() {
        for (double d : new double[] {0, -0.0, 3, 3.5, 0.1, 1e20, 1e-7, 123456789.125, Double.MAX_VALUE, Double.MIN_VALUE, -1e300}) {
            both.fast(d);
            both.fast(OptionalDouble.of(d));
        }
        for (float f : new float[] {0, -0.0f, 3, 1.1f, 0.1f, 1e10f, 1e-5f, 1e-10f, Float.MAX_VALUE, Float.MIN_VALUE, 16777217f}) {
            both.fast(f);
        }
        for (long l : new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            both.fast(l);
            both.fast(OptionalLong.of(l));
        }
        both.fast(Integer.MIN_VALUE);
        both.fast(OptionalInt.of(-5));
        both.fast((short) -32768);
        both.fast((byte) -1);
        for (String n : new String[] {"0", "-0", "1.50", "1E+3", "1e-20", "0E-10", "123456789012345678901234567890.5"}) {
            both.fast(new BigDecimal(n));
        }
        both.fast(new BigInteger("-123456789012345678901234567890"));
    }

    @Test
    void textBooleansAndEnums() {
        both.fast("plain");
        both.fast("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080\u2028\u00e9\u20ac\ud83d\ude00");
        both.fast("lone \ud800 high, lone \udc00 low, reversed \udc00\ud800, at the end \ud83d");
        both.fast('"');
        both.fast('\udfff');
        both.fast(true);
        both.fast(Suit.HEARTS);
        both.fast(Suit.SPADES);
    }

    @Test
    void collections() {
        both.fast(List.of());
        both.fast(List.of("a", "b"));
        both.fast(Arrays.asList(1, null, 2.5, "x", true, Suit.SPADES));
        both.fast(new ArrayList<>(List.of(List.of(1, 2), Set.of(), List.of(List.of("deep")))));
        both.fast(new TreeSet<>(Set.of("b", "a", "c")));
        both.fast(new LinkedHashSet<>(List.of(3, 1, 2)));
        both.fast(new ArrayDeque<>(List.of(1.5, 2.5)));
        both.fast(new CopyOnWriteArrayList<>(List.of('a', 'b')));
        both.fast(Collections.unmodifiableList(Arrays.asList(Optional.of("x"), Optional.empty(), OptionalInt.empty())));
        both.fast(Collections.synchronizedList(new ArrayList<>(List.of(1L))));
    }

    @Test
    void maps() {
        both.fast(Map.of());
        both.fast(new TreeMap<>(Map.of("b", 1, "a", 2)));
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("none", null);
        nulls.put("empty", Optional.empty());
        nulls.put("emptyInt", OptionalInt.empty());
        nulls.put("present", Optional.of(List.of(1)));
        nulls.put("\"quoted\" \ud800", "key escaped");
        both.fast(nulls);
        Map<String, Object> nested = new HashMap<>();
        nested.put("inner", new TreeMap<>(Map.of("x", List.of(Map.of("y", 1)))));
        both.fast(nested);
        both.fast(new ConcurrentHashMap<>(Map.of("k", "v")));
    }

    @Test
    void arrays() {
        both.fast(new int[] {1, -2, Integer.MAX_VALUE});
        both.fast(new long[] {Long.MIN_VALUE});
        both.fast(new short[] {1, 2});
        both.fast(new byte[] {-128, 0, 127});
        both.fast(new double[] {1, 2.5, -0.0, 1e21});
        both.fast(new float[] {1, 2.5f, -0.0f, 1e21f});
        both.fast(new boolean[] {true, false});
        both.fast(new char[] {'a', '\n', '\ud800'});
        both.fast(new int[0]);
        both.fast(new Object[] {null, 1, "two", new int[] {3}});
        both.fast(new String[] {"a", null});
        both.fast(new Integer[][] {{1, null}, {}});
        both.fast(new Suit[] {Suit.SPADES});
        both.fast(new List<?>[] {List.of(1)});
    }

    @Test
    void optionals() {
        both.fast(Optional.empty());
        both.fast(Optional.of("x"));
        both.fast(Optional.of(Optional.empty()));
        both.fast(Optional.of(Optional.of(List.of(1))));
        both.fast(OptionalInt.empty());
        both.fast(OptionalLong.empty());
        both.fast(OptionalDouble.empty());
    }
}
