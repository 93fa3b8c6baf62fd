package io.jsonrpcws.impl.dispatch;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbDateFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.beans.ConstructorProperties;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentMap;

/** The types the direct binder is checked on against Yasson: the ones it binds, and one per reason it leaves to JSON-B. */
public final class Corpus {

    private Corpus() {
    }

    // ---- bound directly

    public enum Color { RED, GREEN, BLUE }

    public record Address(String street, String city, String postalCode, String country) {
    }

    /** The load test's ~1 KB object. */
    public record Customer(long id, String name, String email, boolean active, double score,
                           List<String> tags, Address address, String notes) {
    }

    public record Scalars(int i, long l, short s, byte b, double d, float f, boolean z, char c,
                          Integer bi, Long bl, Short bs, Byte bb, Double bd, Float bf, Boolean bz, Character bc,
                          String str, BigDecimal dec, BigInteger big, Number num, Color color) {
    }

    public record Containers(List<String> list, Collection<Integer> coll, Set<String> set, SortedSet<String> sorted,
                             Queue<Long> queue, LinkedList<String> linked, LinkedHashSet<String> ordered,
                             int[] ints, long[] longs, double[] doubles, boolean[] bools, char[] chars, byte[] bytes,
                             short[] shorts, float[] floats, String[] strings, Address[] addresses,
                             List<List<Integer>> nested, Map<String, Integer> map, SortedMap<String, Address> sortedMap,
                             LinkedHashMap<String, String> linkedMap, ConcurrentMap<String, Integer> concurrentMap,
                             Map<String, List<Address>> mapOfLists, ArrayList<Color> colors) {
    }

    public record Optionals(Optional<String> s, Optional<Address> a, OptionalInt i, OptionalLong l, OptionalDouble d,
                            Optional<List<Integer>> list) {
    }

    public record Node(String name, List<Node> children) {
    }

    /** Throws on a negative number, as a compact constructor checking its input does. */
    public record Positive(int n) {
        public Positive {
            if (n < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }

    /** A JavaBean: private fields, public setters (and getters). */
    public static class Person {
        private String name;
        private int age;
        private boolean member;
        private List<Address> addresses;
        private Map<String, Double> scores;

        public void setName(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public void setAge(int age) {
            if (age > 200) {
                throw new IllegalArgumentException("too old");
            }
            this.age = age;
        }

        public int getAge() {
            return age;
        }

        public void setMember(boolean member) {
            this.member = member;
        }

        public boolean isMember() {
            return member;
        }

        public void setAddresses(List<Address> addresses) {
            this.addresses = addresses;
        }

        public void setScores(Map<String, Double> scores) {
            this.scores = scores;
        }
    }

    /** Inherits its parent's properties. */
    public static class Employee extends Person {
        private Color team;
        /** Without a setter: not bound. */
        private String badge = "none";

        public void setTeam(Color team) {
            this.team = team;
        }
    }

    public static class PublicFields {
        public String label;
        public long count;
        public Optional<Node> tree;
        public Character initial;
    }

    // ---- left to JSON-B

    public record Renamed(@JsonbProperty("full_name") String name, int age) {
    }

    public static class WithTransient {
        @JsonbTransient
        private String secret;
        private String shown;

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public void setShown(String shown) {
            this.shown = shown;
        }
    }

    public static final class Created {
        private final String value;

        private Created(String value) {
            this.value = value;
        }

        @JsonbCreator
        public static Created of(@JsonbProperty("v") String value) {
            return new Created(value);
        }
    }

    public static final class UpperAdapter implements JsonbAdapter<Adapted, String> {
        @Override
        public String adaptToJson(Adapted value) {
            return value.text;
        }

        @Override
        public Adapted adaptFromJson(String text) {
            Adapted a = new Adapted();
            a.text = text.toUpperCase();
            return a;
        }
    }

    @JsonbTypeAdapter(UpperAdapter.class)
    public static class Adapted {
        public String text;
    }

    public static final class Doubling implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            return parser.getInt() * 2;
        }
    }

    public static class Deserialized {
        @JsonbTypeDeserializer(Doubling.class)
        public Integer n;
    }

    public static class DatedAccessor {
        private LocalDate day;

        @JsonbDateFormat("dd.MM.yyyy")
        public void setDay(LocalDate day) {
            this.day = day;
        }
    }

    @JsonbTypeInfo({@JsonbSubtype(alias = "dog", type = Dog.class)})
    public interface Animal {
    }

    public record Dog(String name) implements Animal {
    }

    public record Generic<T>(T value) {
    }

    public record TwoConstructors(String a, String b) {
        public TwoConstructors(String a) {
            this(a, "default");
        }
    }

    record NotPublic(String a) {
    }

    public static class ConstructorBean {
        private final String a;

        @ConstructorProperties("a")
        public ConstructorBean(String a) {
            this.a = a;
        }
    }

    public static class TransientField {
        public transient String skipped;
        public String kept;
    }

    public record WithDate(Date when) {
    }

    public record WithLocalDate(LocalDate day) {
    }

    public record WithObject(Object any) {
    }

    public record IntKeys(Map<Integer, String> byNumber) {
    }

    public static class VirtualSetter {
        private String a;

        public void setA(String a) {
            this.a = a;
        }

        public void setDerived(String b) {
            this.a = b + "!";
        }
    }
}
