package io.jsonrpcws.impl.engine;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import org.eclipse.yasson.YassonJsonb;

import java.lang.reflect.Type;

/** Binds straight from the engine's parser through Yasson's parser entry point: no text in between. */
final class YassonValueReader extends ValueReader {

    private final YassonJsonb yasson;

    YassonValueReader(Jsonb jsonb) {
        this.yasson = (YassonJsonb) jsonb;
    }

    static boolean accepts(Jsonb jsonb) {
        return jsonb instanceof YassonJsonb;
    }

    @Override
    Object read(JsonParser parser, JsonParser.Event first, Type type) {
        ReplayParser replay = new ReplayParser(parser, first);
        Object value = yasson.fromJson(replay, type);
        if (!replay.readWhole()) {
            // Yasson binds [1, 5] to an int by reading the 1 and returning.
            throw new JsonbException("only the beginning of the value fits the type");
        }
        return value;
    }
}
