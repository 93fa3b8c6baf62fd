package io.jsonrpcws.impl.engine;

import jakarta.json.bind.Jsonb;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Binds one JSON value, whose first event the parser has just returned, to a Java type. After it
 * returns, the parser's current event is the value's last.
 */
abstract class ValueReader {

    abstract Object read(JsonParser parser, JsonParser.Event first, Type type);

    /**
     * The best reader for this JSON-B: Yasson's, which binds straight from the parser, when Yasson is the
     * provider and visible; otherwise one that materializes the value with JSON-P and hands JSON-B its text.
     */
    static ValueReader of(Jsonb jsonb) {
        if (YassonPresence.YASSON && YassonValueReader.accepts(jsonb)) {
            return new YassonValueReader(jsonb);
        }
        return new TextValueReader(jsonb);
    }

    /** Portable: any JSON-B provider, at the cost of printing the value and parsing it again. */
    static final class TextValueReader extends ValueReader {
        private final Jsonb jsonb;

        TextValueReader(Jsonb jsonb) {
            this.jsonb = jsonb;
        }

        @Override
        Object read(JsonParser parser, JsonParser.Event first, Type type) {
            return jsonb.fromJson(parser.getValue().toString(), type);
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
