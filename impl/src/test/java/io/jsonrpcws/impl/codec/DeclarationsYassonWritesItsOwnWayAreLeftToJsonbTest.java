package io.jsonrpcws.impl.codec;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Where Yasson writes a value by how it is declared rather than by its class (a {@code Number} prints
 * {@code 1.0E+20} where a {@code Double} prints {@code 1.0E20}, a {@code Date} property holding a subclass, a type
 * variable bound to {@code Number}), and for the classes Yasson has serializers of its own for that the fast path
 * does not repeat ({@code Date}, {@code Calendar}, {@code URI}, JSON-P values...), JSON-B writes: the whole class
 * when a property is so declared, the value alone when it is nested in one the fast path writes. Other kinds of
 * classes it leaves to JSON-B too: the platform's, {@code Iterable}s that are not collections, classes that are not
 * public or have no name, and those whose properties Yasson finds in an order reflection decides.
 */
class DeclarationsYassonWritesItsOwnWayAreLeftToJsonbTest {

    private final SameAsJsonb both = new SameAsJsonb();

    public record Numbers(Number n, double d) {
    }

    public record Box<T>(T value) {
    }

    public record BoxOfNumber(Box<Number> box) {
    }

    public record ListOfNumbers(List<Number> numbers) {
    }

    public record Bounded<T extends Number>(T value) {
    }

    public static class NumberBox extends Holder<Number> {
        public NumberBox(Number value) {
            super(value);
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
    }

    public record LowerBound(List<? super Integer> values) {
    }

    public record Dated(Date date, String name) {
    }

    public record Special(LocalDate day, Instant at, UUID id, Object anything, URI uri) {
    }

    public static class Numbered implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("a").iterator();
        }

        public String getName() {
            return "n";
        }
    }

    public static class TwoGetters {
        public boolean isOn() {
            return true;
        }

        public boolean getOn() {
            return false;
        }
    }

    public static class Event extends java.util.EventObject {
        public Event() {
            super("source");
        }

        public String getName() {
            return "n";
        }
    }

    public record Zoned(TimeZone zone) {
    }

    record NotPublic(String name) {
    }

    @Test
    void propertiesDeclaredWithTypesYassonWritesByTheDeclaration() {
        both.jsonb(new Numbers(1e20, 1e20), "declared java.lang.Number");
        both.jsonb(new BoxOfNumber(new Box<>(1e20)), "Box<java.lang.Number>");
        both.jsonb(new ListOfNumbers(List.of(1e20, 2.5f, 3)), "List<java.lang.Number>");
        both.jsonb(new Bounded<>(1e20), "declared T");
        both.jsonb(new NumberBox(1e20), "declared T");
        both.jsonb(new LowerBound(new ArrayList<>(List.of(1, 2))), "super");
        both.jsonb(new Dated(new java.sql.Timestamp(0), "n"), "declared java.util.Date");
        both.fast(new Box<>(1e20));
        both.fast(new Holder<>(1e20));
    }

    @Test
    void classesYassonHasSerializersFor() {
        both.jsonb(new Date(0), "serializer of its own");
        both.jsonb(URI.create("https://example.org/a?b=c"), "serializer of its own");
        both.jsonb(java.time.ZoneOffset.ofHours(2), "serializer of its own");
        both.jsonb(new GregorianCalendar(2024, 1, 29), "serializer of its own");
        both.jsonb(new java.util.concurrent.atomic.AtomicLong(5), "java.lang.Number");
        both.jsonb(Json.createObjectBuilder().add("a", 1).build(), "JSON-P");
        both.jsonb(Path.of("/tmp"), "platform");
    }

    @Test
    void theirValuesNestedInFastOnesAreWrittenByJsonb() {
        both.fast(new Special(LocalDate.of(2024, 2, 29), Instant.ofEpochSecond(1_700_000_000L, 5),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), Json.createArrayBuilder().add(1).add("x").build(),
                URI.create("https://example.org/a?b=c")));
        both.jsonb(new Zoned(TimeZone.getTimeZone("Europe/Paris")), "declared java.util.TimeZone");
        both.fast(List.of(new Date(0), URI.create("urn:x"), Map.of("k", new GregorianCalendar(2024, 1, 29))));
    }

    @Test
    void otherClasses() {
        both.jsonb(new Numbered(), "Iterable");
        both.jsonb(new TwoGetters(), "two getters");
        both.jsonb(new Event(), "extends java.util.EventObject");
        both.jsonb(new NotPublic("n"), "not a public");
        both.jsonb(new Object() {
            public String getName() {
                return "anonymous";
            }
        }, "not a public");
        both.jsonb(new Object(), "platform");
        Named proxy = (Named) java.lang.reflect.Proxy.newProxyInstance(Named.class.getClassLoader(), new Class<?>[] {Named.class},
                (self, method, args) -> method.getName().equals("getName") ? "proxied" : null);
        assertNotNull(both.values.whyJsonb(proxy.getClass()));
        assertEquals(both.yasson(proxy), both.written(proxy));
    }

    public interface Named {
        String getName();
    }
}
