package io.jsonrpcws.impl.dispatch;

import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.StringWriter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Binds one JSON value, whose first event the parser has just returned, to a Java type with JSON-B, its
 * events checked along the {@link Shape} of the type on the way (see {@link ShapeWalk}). After it returns
 * or refuses the value, the parser's current event is the value's last. Thread-safe.
 */
public abstract class ValueReader {

    private final Shapes shapes;

    ValueReader(Shapes shapes) {
        this.shapes = shapes;
    }

    /** The shapes the values are checked along. */
    Shapes shapes() {
        return shapes;
    }

    /**
     * Binds the value the parser is on.
     *
     * @throws ParamRefusal when the value is refused or JSON-B fails on it: its message is the problem in the
     *                      client's terms, its cause JSON-B's failure, if any
     * @throws JsonException when the text is not JSON, {@link NoSuchElementException} when it ends early
     */
    public final Object read(JsonParser parser, JsonParser.Event first, Type type) {
        ReplayParser replay = new ReplayParser(parser, first, new ShapeWalk(shapes.of(type), first));
        try {
            return bind(replay, type);
        } catch (JsonException | NoSuchElementException notJson) {
            throw notJson;
        } catch (ParamRefusal refusal) {
            replay.finish();
            throw refusal;
        } catch (RuntimeException failure) {
            RuntimeException notJson = notJson(failure);
            if (notJson != null) {
                // JSON-B wraps the parser's own failure: the frame is not JSON, whatever the param's type
                throw notJson;
            }
            // JSON-B's message names Java classes and packages: the client is told what JSON was expected where
            ParamRefusal refusal = ParamRefusal.in(failure);
            replay.finish();
            throw refusal != null ? refusal : new ParamRefusal(replay.walk().failure(), failure);
        }
    }

    /** The parser's failure that JSON-B wrapped into its own, if it did. */
    private static RuntimeException notJson(Throwable failure) {
        Throwable t = failure.getCause();
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof JsonParsingException || t instanceof NoSuchElementException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    /**
     * Binds from the replaying parser, whose next event is the value's first.
     *
     * @throws ParamRefusal when the value must not be bound; any other {@link RuntimeException} when JSON-B
     *                      fails to bind it
     */
    abstract Object bind(ReplayParser parser, Type type);

    /**
     * The best reader for this JSON-B: Yasson's, which binds straight from the parser, when Yasson is the
     * provider and visible, and before it, for a default configuration, one that reads the common types
     * without JSON-B; otherwise one that prints the value and hands JSON-B its text.
     *
     * @param shapes the shapes of the types as this JSON-B maps them
     */
    public static ValueReader of(Jsonb jsonb, Shapes shapes) {
        if (YassonPresence.YASSON && YassonValueReader.accepts(jsonb)) {
            ValueReader yasson = new YassonValueReader(jsonb, shapes);
            // With JSON-B's default mapping, the common types are read without it, to Yasson's values.
            return shapes.defaultMapping() ? new DirectValueReader(shapes, yasson) : yasson;
        }
        return new TextValueReader(jsonb, shapes);
    }

    /** Portable: any JSON-B provider, at the cost of printing the value and parsing it again. */
    static final class TextValueReader extends ValueReader {
        private static final JsonGeneratorFactory GENERATORS = JsonProvider.provider().createGeneratorFactory(Map.of());

        private final Jsonb jsonb;

        TextValueReader(Jsonb jsonb, Shapes shapes) {
            super(shapes);
            this.jsonb = jsonb;
        }

        @Override
        Object bind(ReplayParser parser, Type type) {
            StringWriter text = new StringWriter();
            try (JsonGenerator out = GENERATORS.createGenerator(text)) {
                copy(parser, out);
            }
            return jsonb.fromJson(text.toString(), type);
        }

        /** Copies one value event by event, so that the parser's checks see all of it. */
        private static void copy(JsonParser in, JsonGenerator out) {
            int depth = 0;
            do {
                switch (in.next()) {
                    case START_OBJECT -> {
                        out.writeStartObject();
                        depth++;
                    }
                    case START_ARRAY -> {
                        out.writeStartArray();
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        out.writeEnd();
                        depth--;
                    }
                    case KEY_NAME -> out.writeKey(in.getString());
                    case VALUE_STRING -> out.write(in.getString());
                    case VALUE_NUMBER -> out.write(new BigDecimal(in.getString()));
                    case VALUE_TRUE -> out.write(true);
                    case VALUE_FALSE -> out.write(false);
                    case VALUE_NULL -> out.writeNull();
                }
            } while (depth > 0);
        }
    }

    private static final class YassonPresence {
        static final boolean YASSON = present();

        private static boolean present() {
            try {
                Class.forName("org.eclipse.yasson.YassonJsonb", false, ValueReader.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
