package io.jsonrpcws.impl.codec;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Records and beans take the fast path and come out as Yasson writes them: its property discovery (getters,
 * {@code is} getters of any type, public fields, what visibility and {@code transient} hide), its order (sorted by
 * name, a superclass's properties first), its handling of {@code null} and empty optionals (left out), of
 * interfaces' default getters and of generic properties.
 */
class RecordsAndBeansAreWrittenAsYassonWritesThemTest {

    private final SameAsJsonb both = new SameAsJsonb();

    public record Address(String street, String city, String postalCode, String country) {
    }

    /** The load benchmark's object. */
    public record Customer(long id, String name, String email, boolean active, double score,
                           List<String> tags, Address address, String notes) {
    }

    /** The streams benchmark's item. */
    public record Quote(String symbol, double price, double change, long time) {
    }

    public record Primitives(int i, long l, short s, byte b, double d, float f, boolean z, char c) {
    }

    public record Boxes(Integer i, Long l, Short s, Byte b, Double d, Float f, Boolean z, Character c, BigDecimal n) {
    }

    public record Optionals(Optional<String> text, OptionalInt i, OptionalLong l, OptionalDouble d, Optional<Address> address) {
    }

    public record Tree(String name, List<Tree> children) {
    }

    public record Page<T>(List<T> items, int total) {
    }

    public record Result(Page<Customer> page, Map<String, Quote> bySymbol, Object anything) {
    }

    /** A record's extra methods: {@code getX()} keeps its name, static ones are not read. */
    public record WithMethods(String a) {
        public String getExtra() {
            return "extra";
        }

        public boolean isFine() {
            return true;
        }

        public static String getStatic() {
            return "static";
        }
    }

    public interface Labelled {
        String name();

        default String getLabel() {
            return "label of " + name();
        }
    }

    public record WithDefault(String name) implements Labelled {
    }

    public static class Bean {
        public String publicField = "public";
        public String nullField;
        public transient String transientField = "transient";
        public static String staticField = "static";
        private String privateWithGetter = "private";
        private transient String transientWithGetter = "hidden";
        public String publicWithPrivateGetter = "not visible";
        private int count = 3;

        public String getPrivateWithGetter() {
            return privateWithGetter;
        }

        public String getTransientWithGetter() {
            return transientWithGetter;
        }

        private String getPublicWithPrivateGetter() {
            return publicWithPrivateGetter;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public boolean isActive() {
            return true;
        }

        public Boolean isBoxed() {
            return Boolean.TRUE;
        }

        public String isNotBoolean() {
            return "is";
        }

        public String issue() {
            return "sue";
        }

        public int getURL() {
            return 80;
        }

        public String getaway() {
            return "away";
        }

        public String getComputed() {
            return publicField + count;
        }

        public void setOnly(String value) {
        }

        public String get(int index) {
            return "not a getter";
        }
    }

    public static class Base {
        public String zeta = "base zeta";
        private String alpha = "base alpha";

        public String getAlpha() {
            return alpha;
        }

        public String getOverridden() {
            return "base";
        }

        public String getMiddle() {
            return "base middle";
        }
    }

    public static class Derived extends Base {
        public String beta = "derived beta";

        @Override
        public String getOverridden() {
            return "derived";
        }

        public String getAaa() {
            return "first by name, after the base's";
        }
    }

    public static class Deeper extends Derived {
        private String middle = "hidden again";

        public String getZzz() {
            return "deeper";
        }
    }

    public static class Holder<T> {
        private final T value;

        public Holder(T value) {
            this.value = value;
        }

        public T getValue() {
            return value;
        }

        public List<T> getValues() {
            return List.of(value, value);
        }
    }

    public static class AddressHolder extends Holder<Address> {
        public AddressHolder(Address value) {
            super(value);
        }
    }

    public static class Empty {
    }

    private static Customer customer() {
        return new Customer(1234567, "Ada Lovelace", "ada.lovelace@example.org", true, 98.25,
                List.of("analytical-engine", "mathematics", "poetry", "notes", "bernoulli", "algorithms", "london",
                        "babbage", "difference-engine", "computing", "history", "science"),
                new Address("12 St James's Square", "London", "SW1Y 4JH", "United Kingdom"),
                "Augusta Ada King, Countess of Lovelace, was an English mathematician and writer, chiefly known for her"
                        + " work on Charles Babbage's proposed mechanical general-purpose computer, the Analytical Engine.");
    }

    @Test
    void theBenchmarksValues() {
        both.fast(customer());
        both.fast(new Quote("ACME", 101.25, 0.75, 1_764_633_600_000L));
        both.fast(new Customer(0, null, "", false, 0, List.of(), null, "\"quoted\" \\ \n\t\u0001 \u00e9\u20ac\ud83d\ude00"));
    }

    @Test
    void primitivesAndBoxes() {
        both.fast(new Primitives(-7, Long.MIN_VALUE, (short) -3, (byte) 127, 3, 1.1f, true, 'x'));
        both.fast(new Primitives(Integer.MIN_VALUE, Long.MAX_VALUE, Short.MAX_VALUE, Byte.MIN_VALUE, -0.0, -0.0f, false, '"'));
        both.fast(new Primitives(0, 0, (short) 0, (byte) 0, 1e20, 1e10f, false, '\u0007'));
        both.fast(new Primitives(0, 0, (short) 0, (byte) 0, 1e-7, 1e-5f, false, '\ud800'));
        both.fast(new Primitives(0, 0, (short) 0, (byte) 0, Double.MIN_VALUE, Float.MAX_VALUE, false, '\u2028'));
        both.fast(new Boxes(1, 2L, (short) 3, (byte) 4, 5.5, 6.25f, true, 'c', new BigDecimal("1.50")));
        both.fast(new Boxes(null, null, null, null, null, null, null, null, null));
    }

    @Test
    void optionals() {
        both.fast(new Optionals(Optional.of("x"), OptionalInt.of(1), OptionalLong.of(2), OptionalDouble.of(3),
                Optional.of(new Address("s", "c", "p", "k"))));
        both.fast(new Optionals(Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(), Optional.empty()));
        both.fast(new Optionals(null, null, null, null, null));
    }

    @Test
    void nestedAndGeneric() {
        Tree leaf = new Tree("leaf", List.of());
        both.fast(new Tree("root", List.of(leaf, new Tree("inner", Arrays.asList(leaf, null)))));
        both.fast(new Page<>(List.of(customer()), 1));
        Map<String, Quote> quotes = new TreeMap<>(Map.of("B", new Quote("B", 1, 2, 3), "A", new Quote("A", 4, 5, 6)));
        both.fast(new Result(new Page<>(List.of(customer(), customer()), 2), quotes, new Quote("any", 0, 0, 0)));
        both.fast(new Result(null, Map.of(), List.of(1, "two", 3.0, true)));
        both.fast(new Holder<>("text"));
        both.fast(new Holder<>(new ArrayList<>(List.of(1, 2))));
        both.fast(new AddressHolder(new Address("a", "b", "c", "d")));
    }

    @Test
    void beansAsYassonSeesThem() {
        both.fast(new Bean());
        both.fast(new Derived());
        both.fast(new Deeper());
        both.fast(new Empty());
        both.fast(new WithMethods("a"));
        both.fast(new WithDefault("n"));
    }
}
