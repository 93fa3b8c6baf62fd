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

    ReplayParser(JsonParser delegate, Event current) {
        this.delegate = delegate;
        this.pending = current;
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
            return e;
        }
        return delegate.next();
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
        pending = null;
        return delegate.getObject();
    }

    @Override
    public JsonValue getValue() {
        pending = null;
        return delegate.getValue();
    }

    @Override
    public JsonArray getArray() {
        pending = null;
        return delegate.getArray();
    }

    @Override
    public Stream<JsonValue> getArrayStream() {
        pending = null;
        return delegate.getArrayStream();
    }

    @Override
    public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
        pending = null;
        return delegate.getObjectStream();
    }

    @Override
    public Stream<JsonValue> getValueStream() {
        return delegate.getValueStream();
    }

    @Override
    public void skipArray() {
        pending = null;
        delegate.skipArray();
    }

    @Override
    public void skipObject() {
        pending = null;
        delegate.skipObject();
    }

    @Override
    public void close() {
        // the engine owns the underlying parser
    }
}
