package io.jsonrpcws.impl.codec;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Skips JSON values event by event. Every event is read rather than calling {@link JsonParser#skipArray()}:
 * Parsson's skip only counts brackets, so it accepts invalid JSON inside the skipped value and never returns
 * when the frame ends inside it. A frame is answered -32700 for invalid JSON anywhere, skipped parts included.
 */
public final class Skip {

    private Skip() {
    }

    /** Skips the value whose first event, {@code e}, the parser has just returned. */
    public static void value(JsonParser parser, Event e) {
        if (e == Event.START_ARRAY || e == Event.START_OBJECT) {
            enclosing(parser);
        }
    }

    /** Skips to the end of the array or object the parser is in. */
    public static void enclosing(JsonParser parser) {
        int depth = 1;
        while (depth > 0) {
            switch (parser.next()) {
                case START_ARRAY, START_OBJECT -> depth++;
                case END_ARRAY, END_OBJECT -> depth--;
                default -> {
                }
            }
        }
    }
}
