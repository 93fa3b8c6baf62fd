package io.jsonrpcws.impl.dispatch;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The engine's reader for a default configuration (the direct binder before Yasson) and Yasson's own, the
 * path every value took before; reads one value with each and tells what came of it in a comparable form.
 */
final class BothReaders {

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    final DirectValueReader direct;
    final ValueReader yasson;

    BothReaders() {
        JsonbConfig config = new JsonbConfig();
        Jsonb jsonb = JsonbBuilder.create(config);
        Shapes shapes = Shapes.of(config);
        this.direct = assertInstanceOf(DirectValueReader.class, ValueReader.of(jsonb, shapes));
        this.yasson = new YassonValueReader(jsonb, shapes);
    }

    /** Asserts that both readers read the value to the same result, and leave the parser at the same place. */
    void assertAlike(Type type, String json) {
        String viaYasson = outcome(yasson, type, json);
        String viaDirect = outcome(direct, type, json);
        assertEquals(viaYasson, viaDirect, () -> type.getTypeName() + " from " + json);
    }

    /** What reading the value, followed by a 7 in the same array, came to: the value, the refusal or the exception. */
    static String outcome(ValueReader reader, Type type, String json) {
        try (JsonParser parser = PARSERS.createParser(new StringReader("[" + json + ", 7]"))) {
            parser.next();
            String result;
            try {
                result = "value " + describe(reader.read(parser, parser.next(), type));
            } catch (ParamRefusal refusal) {
                result = "refused: " + refusal.getMessage();
            } catch (RuntimeException failure) {
                return "threw " + failure.getClass().getName();
            }
            Event after = parser.next();
            return result + (after == Event.VALUE_NUMBER && parser.getInt() == 7 ? "" : ", then " + after);
        }
    }

    /** The value with the class of every object in it, collections and maps in their own order. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        Class<?> c = value.getClass();
        if (c.isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(describe(Array.get(value, i)));
            }
            return c.getComponentType().getName() + items;
        }
        if (value instanceof Collection<?> items) {
            return c.getName() + items.stream().map(BothReaders::describe).collect(Collectors.toList());
        }
        if (value instanceof Map<?, ?> map) {
            return c.getName() + map.entrySet().stream().map(e -> describe(e.getKey()) + "=" + describe(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Optional<?> o) {
            return "Optional(" + o.map(BothReaders::describe).orElse("") + ")";
        }
        if (c.isRecord()) {
            StringBuilder out = new StringBuilder(c.getSimpleName()).append('(');
            for (RecordComponent rc : c.getRecordComponents()) {
                try {
                    out.append(rc.getName()).append('=').append(describe(rc.getAccessor().invoke(value))).append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return out.append(')').toString();
        }
        if (c.getName().startsWith("io.jsonrpcws.")) {
            StringBuilder out = new StringBuilder(c.getSimpleName()).append('{');
            for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        try {
                            out.append(f.getName()).append('=').append(describe(f.get(value))).append(' ');
                        } catch (IllegalAccessException e) {
                            throw new AssertionError(e);
                        }
                    }
                }
            }
            return out.append('}').toString();
        }
        return c.getSimpleName() + ":" + value;
    }
}
