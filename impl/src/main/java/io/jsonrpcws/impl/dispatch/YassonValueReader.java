package io.jsonrpcws.impl.dispatch;

import jakarta.json.bind.Jsonb;
import org.eclipse.yasson.YassonJsonb;

import java.lang.reflect.Type;

/** Binds straight from the engine's parser through Yasson's parser entry point: no text in between. */
final class YassonValueReader extends ValueReader {

    private final YassonJsonb yasson;

    YassonValueReader(Jsonb jsonb, Shapes shapes) {
        super(shapes);
        this.yasson = (YassonJsonb) jsonb;
    }

    static boolean accepts(Jsonb jsonb) {
        return jsonb instanceof YassonJsonb;
    }

    @Override
    Object bind(ReplayParser parser, Type type) {
        Object value = yasson.fromJson(parser, type);
        if (!parser.readWhole()) {
            // Yasson binds [1, 5] to an int by reading the 1 and returning.
            throw new ParamRefusal(parser.walk().readInPart());
        }
        return value;
    }
}
