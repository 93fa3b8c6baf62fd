package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.codec.nillable.Nillable;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbDateFormat;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbNumberFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.annotation.JsonbVisibility;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A class that any JSON-B annotation reaches is written by JSON-B: on the class, a property's field or getter, a
 * constructor, a superclass, an interface, the package, or through an annotation of the application's that carries
 * one. Its output is JSON-B's, also where the annotation would change it (nulls written, names and order changed,
 * type information added).
 */
class CustomizedClassesAreLeftToJsonbTest {

    private final SameAsJsonb both = new SameAsJsonb();

    @JsonbPropertyOrder({"zeta", "alpha"})
    public record Ordered(String alpha, String zeta) {
    }

    @JsonbNillable
    public record NillableClass(String name, String nothing) {
    }

    public record NillableProperty(String name, @JsonbNillable String nothing) {
    }

    public record Renamed(@JsonbProperty("other") String name) {
    }

    public static class RenamedGetter {
        @JsonbProperty("renamed")
        public String getName() {
            return "n";
        }
    }

    public static class Transient {
        @JsonbTransient
        public String hidden = "h";
        public String shown = "s";
    }

    public record Formatted(@JsonbNumberFormat("#0.00") double price) {
    }

    public record Dated(@JsonbDateFormat("yyyy") java.time.LocalDate day, String name) {
    }

    public static class Upper implements JsonbAdapter<String, String> {
        @Override
        public String adaptToJson(String s) {
            return s.toUpperCase();
        }

        @Override
        public String adaptFromJson(String s) {
            return s;
        }
    }

    public record Adapted(@JsonbTypeAdapter(Upper.class) String name) {
    }

    public static class Constant implements JsonbSerializer<Object> {
        @Override
        public void serialize(Object o, JsonGenerator generator, SerializationContext context) {
            generator.write("constant");
        }
    }

    @JsonbTypeSerializer(Constant.class)
    public record Serialized(String name) {
    }

    public static class FieldsOnly implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return true;
        }

        @Override
        public boolean isVisible(Method method) {
            return false;
        }
    }

    @JsonbVisibility(FieldsOnly.class)
    public static class Visible {
        private final String secret = "s";

        public String getOther() {
            return "o";
        }
    }

    public record Created(String name) {
        @JsonbCreator
        public Created {
        }
    }

    @JsonbTypeInfo({@JsonbSubtype(alias = "dog", type = Dog.class)})
    public interface Animal {
    }

    public record Dog(String name) implements Animal {
    }

    @JsonbNillable
    public static class NillableBase {
        public String base;
    }

    public static class FromNillableBase extends NillableBase {
        public String own = "own";
    }

    @Retention(RetentionPolicy.RUNTIME)
    @JsonbTransient
    public @interface Secret {
    }

    public static class WithSecret {
        @Secret
        public String password = "p";
        public String user = "u";
    }

    @Test
    void annotationsOnTheClass() {
        both.jsonb(new Ordered("a", "z"), "annotations");
        both.jsonb(new NillableClass("n", null), "annotations");
        both.jsonb(new Serialized("x"), "annotations");
        both.jsonb(new Visible(), "annotations");
    }

    @Test
    void annotationsOnProperties() {
        both.jsonb(new NillableProperty("n", null), "annotations");
        both.jsonb(new Renamed("n"), "annotations");
        both.jsonb(new RenamedGetter(), "annotations");
        both.jsonb(new Transient(), "annotations");
        both.jsonb(new Formatted(3.14159), "annotations");
        both.jsonb(new Dated(java.time.LocalDate.of(2024, 5, 6), "d"), "annotations");
        both.jsonb(new Adapted("lower"), "annotations");
        both.jsonb(new Created("c"), "annotations");
    }

    @Test
    void annotationsInheritedOrCarried() {
        both.jsonb(new Dog("rex"), "annotations");
        both.jsonb(new FromNillableBase(), "annotations");
        both.jsonb(new WithSecret(), "annotations");
        both.jsonb(new Nillable("n", null), "annotations");
    }

    public record Kennel(Animal animal, String name) {
    }

    public record Pack(java.util.List<Animal> animals) {
    }

    @Test
    void propertiesDeclaredWithACustomizedType() {
        both.jsonb(new Kennel(new Dog("rex"), "k"), "declared");
        both.jsonb(new Pack(List.of(new Dog("rex"))), "declared");
    }

    @Test
    void customizedValuesInsideFastOnesAreWrittenByJsonb() {
        both.fast(List.of(new Ordered("a", "z"), new Dog("rex"), new Nillable("n", null)));
        both.fast(new Wrapper(new Ordered("a", "z"), new Serialized("s")));
    }

    public record Wrapper(Object first, Object second) {
    }
}
