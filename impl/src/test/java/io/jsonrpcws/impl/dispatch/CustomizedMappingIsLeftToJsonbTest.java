package io.jsonrpcws.impl.dispatch;

import io.jsonrpcws.impl.dispatch.Corpus.Adapted;
import io.jsonrpcws.impl.dispatch.Corpus.ConstructorBean;
import io.jsonrpcws.impl.dispatch.Corpus.Created;
import io.jsonrpcws.impl.dispatch.Corpus.DatedAccessor;
import io.jsonrpcws.impl.dispatch.Corpus.Deserialized;
import io.jsonrpcws.impl.dispatch.Corpus.Dog;
import io.jsonrpcws.impl.dispatch.Corpus.Generic;
import io.jsonrpcws.impl.dispatch.Corpus.IntKeys;
import io.jsonrpcws.impl.dispatch.Corpus.Renamed;
import io.jsonrpcws.impl.dispatch.Corpus.TransientField;
import io.jsonrpcws.impl.dispatch.Corpus.TwoConstructors;
import io.jsonrpcws.impl.dispatch.Corpus.VirtualSetter;
import io.jsonrpcws.impl.dispatch.Corpus.WithDate;
import io.jsonrpcws.impl.dispatch.Corpus.WithLocalDate;
import io.jsonrpcws.impl.dispatch.Corpus.WithObject;
import io.jsonrpcws.impl.dispatch.Corpus.WithTransient;
import io.jsonrpcws.impl.dispatch.formatted.Price;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Whatever customizes how JSON-B reads a type (an annotation of JSON-B's on the class, a member, an accessor,
 * a constructor, the package or a supertype; a creator; polymorphism; open generics; a configuration setting)
 * leaves its values to JSON-B, whole: they are read as before. So are the types the direct binder does not
 * model (dates, {@code Object}, maps with other keys, beans with setters of no field).
 */
class CustomizedMappingIsLeftToJsonbTest {

    private static final BothReaders READERS = new BothReaders();

    static Stream<Arguments> customized() {
        return Stream.of(
                arguments(Renamed.class, "{\"full_name\":\"a\",\"name\":\"b\",\"age\":3}"),
                arguments(WithTransient.class, "{\"secret\":\"s\",\"shown\":\"v\"}"),
                arguments(Created.class, "{\"v\":\"x\"}"),
                arguments(Adapted.class, "\"abc\""),
                arguments(Deserialized.class, "{\"n\":4}"),
                arguments(DatedAccessor.class, "{\"day\":\"01.02.2024\"}"),
                arguments(Dog.class, "{\"@type\":\"dog\",\"name\":\"rex\"}"),
                arguments(Price.class, "{\"amount\":\"1,234.50\"}"),
                arguments(Generic.class, "{\"value\":{\"a\":1}}"),
                arguments(TwoConstructors.class, "{\"a\":\"x\"}"),
                arguments(ConstructorBean.class, "{\"a\":\"x\"}"),
                arguments(TransientField.class, "{\"skipped\":\"s\",\"kept\":\"k\"}"),
                arguments(VirtualSetter.class, "{\"derived\":\"d\"}"),
                arguments(WithDate.class, "{\"when\":\"2024-01-02T03:04:05Z[UTC]\"}"),
                arguments(WithLocalDate.class, "{\"day\":\"2024-01-02\"}"),
                arguments(WithObject.class, "{\"any\":{\"a\":[1,2.5,\"x\"]}}"),
                arguments(IntKeys.class, "{\"byNumber\":{\"1\":\"one\"}}"),
                arguments(Types.of("objects"), "[1,\"a\",{}]"),
                arguments(Types.of("intKeys"), "[{\"key\":1,\"value\":\"a\"}]"),
                arguments(Types.of("wildcard"), "[{\"city\":\"c\"}]"),
                arguments(Types.of("enumSet"), "[\"RED\"]"),
                arguments(Types.of("dates"), "{\"d\":\"2024-01-02\"}"),
                arguments(MetaRenamed.class, "{\"full\":\"a\",\"name\":\"b\"}"));
    }

    /** An annotation of the application's that carries one of JSON-B's: Yasson looks through it. */
    @Retention(RetentionPolicy.RUNTIME)
    @JsonbProperty("full")
    public @interface Full {
    }

    public record MetaRenamed(@Full String name) {
    }

    @ParameterizedTest
    @MethodSource("customized")
    void typeGoesToJsonb(Type type, String json) {
        assertFalse(READERS.direct.direct(type), () -> type.getTypeName() + " should be left to JSON-B");
        READERS.assertAlike(type, json);
    }

    public static final class FieldsOnly implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return true;
        }

        @Override
        public boolean isVisible(Method method) {
            return false;
        }
    }

    static Stream<JsonbConfig> configurations() {
        return Stream.of(
                new JsonbConfig().withAdapters(new Corpus.UpperAdapter()),
                new JsonbConfig().withDeserializers(new Corpus.Doubling()),
                new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES),
                new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.CASE_INSENSITIVE),
                new JsonbConfig().withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL),
                new JsonbConfig().withPropertyVisibilityStrategy(new FieldsOnly()),
                new JsonbConfig().withBinaryDataStrategy(BinaryDataStrategy.BASE_64),
                new JsonbConfig().withDateFormat("dd.MM.yyyy", null),
                new JsonbConfig().withStrictIJSON(true),
                new JsonbConfig().withNullValues(true),
                new JsonbConfig().setProperty("jsonb.creator-parameters-required", true),
                new JsonbConfig().setProperty("yasson.fail-on-unknown-properties", true));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void configurationGoesToJsonb(JsonbConfig config) {
        assertInstanceOf(YassonValueReader.class, ValueReader.of(JsonbBuilder.create(config), Shapes.of(config)));
    }

    @Test
    void theApplicationsOwnJsonbGoesToJsonb() {
        assertInstanceOf(YassonValueReader.class, ValueReader.of(JsonbBuilder.create(), Shapes.unknownConfiguration()));
    }

    @Test
    void formattingLeavesReadingDirect() {
        JsonbConfig config = new JsonbConfig().withFormatting(true).withEncoding("UTF-8");
        assertInstanceOf(DirectValueReader.class, ValueReader.of(JsonbBuilder.create(config), Shapes.of(config)));
    }
}
