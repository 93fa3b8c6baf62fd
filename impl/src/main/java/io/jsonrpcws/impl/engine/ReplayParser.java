package io.jsonrpcws.impl.engine;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A parser whose first {@link #next()} returns the event the engine has already read, so that JSON-B,
 * which always starts by advancing, binds the value the engine is looking at. Closing it leaves the
 * underlying parser open: the engine reads on after the value.
 */
final class ReplayParser implements JsonParser {

    private final JsonParser delegate;
    private Event pending;
    /** Arrays and objects opened minus those closed, as the consumer has seen them. */
    private int depth;

    ReplayParser(JsonParser delegate, Event current) {
        this.delegate = delegate;
        this.pending = current;
    }

    /**
     * Whether the consumer has read the value whole: a consumer that stops inside it would leave the
     * engine reading the rest of the value as the next params.
     */
    boolean readWhole() {
        return pending == null && depth == 0;
    }

    @Override
    public boolean hasNext() {
        return pending != null || delegate.hasNext();
    }

    @Override
    public Event next() {
        Event e = pending;
        if (e != null) {
            pending = null;
        } else {
            e = delegate.next();
        }
        if (e == Event.START_ARRAY || e == Event.START_OBJECT) {
            depth++;
        } else if (e == Event.END_ARRAY || e == Event.END_OBJECT) {
            depth--;
        }
        return e;
    }

    @Override
    public Event currentEvent() {
        return delegate.currentEvent();
    }

    @Override
    public String getString() {
        return delegate.getString();
    }

    @Override
    public boolean isIntegralNumber() {
        return delegate.isIntegralNumber();
    }

    @Override
    public int getInt() {
        return delegate.getInt();
    }

    @Override
    public long getLong() {
        return delegate.getLong();
    }

    @Override
    public BigDecimal getBigDecimal() {
        return delegate.getBigDecimal();
    }

    @Override
    public JsonLocation getLocation() {
        return delegate.getLocation();
    }

    @Override
    public JsonObject getObject() {
        boolean opened = opened();
        JsonObject value = delegate.getObject();
        closed(opened);
        return value;
    }

    @Override
    public JsonValue getValue() {
        boolean opened = opened();
        JsonValue value = delegate.getValue();
        closed(opened);
        return value;
    }

    @Override
    public JsonArray getArray() {
        boolean opened = opened();
        JsonArray value = delegate.getArray();
        closed(opened);
        return value;
    }

    @Override
    public Stream<JsonValue> getArrayStream() {
        boolean opened = opened();
        Stream<JsonValue> value = delegate.getArrayStream();
        closed(opened);
        return value;
    }

    @Override
    public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
        boolean opened = opened();
        Stream<Map.Entry<String, JsonValue>> value = delegate.getObjectStream();
        closed(opened);
        return value;
    }

    @Override
    public Stream<JsonValue> getValueStream() {
        return delegate.getValueStream();
    }

    /**
     * Reads on to the end of the innermost array or object: JSON-B skips the members a type does not have
     * this way. Every event is read rather than calling the underlying parser's skip, which only counts
     * brackets: it accepts invalid JSON inside the skipped value and never returns when the frame ends
     * inside it.
     */
    @Override
    public void skipArray() {
        skipStructure();
    }

    /** As {@link #skipArray()}. */
    @Override
    public void skipObject() {
        skipStructure();
    }

    private void skipStructure() {
        if (pending == Event.START_ARRAY || pending == Event.START_OBJECT) {
            next();
        }
        int level = depth;
        while (depth >= level && depth > 0) {
            next();
        }
    }

    /**
     * Whether the structure about to be read whole was already counted as opened, its start having
     * come through {@link #next()}; a pending start was not.
     */
    private boolean opened() {
        boolean opened = pending == null
                && (delegate.currentEvent() == Event.START_ARRAY || delegate.currentEvent() == Event.START_OBJECT);
        pending = null;
        return opened;
    }

    private void closed(boolean opened) {
        if (opened) {
            depth--;
        }
    }

    @Override
    public void close() {
        // the engine owns the underlying parser
    }
}
