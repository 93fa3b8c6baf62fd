package io.jsonrpcws.impl.dispatch;

import jakarta.json.stream.JsonParser.Event;

import java.lang.reflect.Type;

/**
 * Reads the values of the types {@link DirectBinders} knows straight from the parser's events, without
 * JSON-B, to the same values and refusals as Yasson's; every other type through Yasson. Used only where
 * Yasson is the JSON-B provider and the configuration is its default. Thread-safe.
 */
final class DirectValueReader extends ValueReader {

    private final DirectBinders binders;
    private final ValueReader jsonb;

    /** @param jsonb reads the types that are not read directly */
    DirectValueReader(Shapes shapes, ValueReader jsonb) {
        super(shapes);
        this.binders = new DirectBinders(shapes);
        this.jsonb = jsonb;
    }

    /** Whether values of this type are read without JSON-B. */
    boolean direct(Type type) {
        return binders.of(type) != null;
    }

    @Override
    Object bind(ReplayParser parser, Type type) {
        Binder binder = binders.of(type);
        if (binder == null) {
            return jsonb.bind(parser, type);
        }
        Event first = parser.next();
        Object value = binder.read(parser, first);
        if (!parser.readWhole()) {
            // as Yasson, a binder given [1, 5] for an int reads the 1 and returns
            throw new ParamRefusal(parser.walk().readInPart());
        }
        return value;
    }
}
