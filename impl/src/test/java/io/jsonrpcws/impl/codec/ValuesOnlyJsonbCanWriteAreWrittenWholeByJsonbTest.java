package io.jsonrpcws.impl.codec;

import jakarta.json.bind.annotation.JsonbTypeSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What only shows while a value is written sends the whole value to JSON-B, which then writes it, or fails on
 * it, its own way: a map key that is not a string, a {@code NaN} or an infinity, a collection class of the
 * application's that annotations or its own iteration might make JSON-B write differently, an array whose element
 * type Yasson writes its own way, and nesting deep enough to be a cycle (Yasson reports those itself).
 */
class ValuesOnlyJsonbCanWriteAreWrittenWholeByJsonbTest {

    private final SameAsJsonb both = new SameAsJsonb();

    public enum Color {
        RED
    }

    public record Keyed(Map<?, String> byKey) {
    }

    public record Measure(String name, double value) {
    }

    public static class Constant implements jakarta.json.bind.serializer.JsonbSerializer<Object> {
        @Override
        public void serialize(Object o, jakarta.json.stream.JsonGenerator generator, jakarta.json.bind.serializer.SerializationContext context) {
            generator.write("constant");
        }
    }

    @JsonbTypeSerializer(Constant.class)
    public static class SerializedList extends ArrayList<String> {
    }

    public static class OwnIteration extends ArrayList<String> {
        @Override
        public void forEach(Consumer<? super String> action) {
            super.forEach(s -> action.accept(s.toUpperCase()));
        }
    }

    public record Listed(List<String> strings) {
    }

    public record Node(String name, Node next) {
    }

    public static class Cyclic {
        public String name = "c";
        public Cyclic self = this;
    }

    @Test
    void mapKeysThatAreNotStrings() {
        both.redone(Map.of(1, "one"));
        both.redone(new TreeMap<>(Map.of(Color.RED, "red")));
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "null key");
        both.redone(nullKey);
        both.redone(new Keyed(Map.of(2.5, "x")));
    }

    @Test
    void numbersJsonCannotHold() {
        both.redone(new Measure("nan", Double.NaN));
        both.redone(List.of(Double.POSITIVE_INFINITY));
        both.redone(new float[] {Float.NaN});
        both.redone(Float.NEGATIVE_INFINITY);
    }

    @Test
    void collectionsOfTheApplicationThatJsonbMightWriteOtherwise() {
        SerializedList serialized = new SerializedList();
        serialized.add("a");
        both.redone(serialized);
        both.redone(new Listed(serialized));
        OwnIteration own = new OwnIteration();
        own.add("a");
        both.redone(new Listed(own));
        both.redone(new Object[] {new Number[] {1e20}});
    }

    @Test
    void deepNestingAndCycles() {
        Node list = null;
        for (int i = 0; i < 150; i++) {
            list = new Node("n" + i, list);
        }
        both.redone(list);
        both.redone(new Cyclic());
        List<Object> nested = new ArrayList<>();
        nested.add(List.of(new Node("inside", null)));
        both.fast(nested);
    }
}
