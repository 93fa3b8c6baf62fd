package io.jsonrpcws.impl.engine;

import jakarta.json.bind.Jsonb;
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
        return yasson.fromJson(new ReplayParser(parser, first), type);
    }
}
