package io.jsonrpcws.impl.dispatch;

import io.jsonrpcws.impl.codec.Skip;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parser JSON-B reads one param value from. Its first {@link #next()} returns the event the engine has
 * already read, so that JSON-B, which always starts by advancing, binds the value the engine is looking
 * at. Every event goes past a {@link ShapeWalk}, which refuses what must not be bound; a refusal is thrown
 * from {@code next()} as a {@link ParamRefusal}. Closing it leaves the underlying parser open: the engine
 * reads on after the value.
 */
final class ReplayParser implements JsonParser {

    private final JsonParser delegate;
    private final ShapeWalk walk;
    private Event pending;
    /** Arrays and objects opened minus those closed, as the consumer has seen them. */
    private int depth;
    /** The text of the current event, read once: the walk and JSON-B both ask for it. */
    private String text;

    ReplayParser(JsonParser delegate, Event current, ShapeWalk walk) {
        this.delegate = delegate;
        this.pending = current;
        this.walk = walk;
    }

    /**
     * Whether the consumer has read the value whole: a consumer that stops inside it would leave the
     * engine reading the rest of the value as the next params.
     */
    boolean readWhole() {
        return pending == null && depth == 0;
    }

    ShapeWalk walk() {
        return walk;
    }

    /**
     * Reads the rest of the value after its consumer gave up inside it, so that the underlying parser ends on
     * the value's last event, as after a binding that succeeded: the engine reads on from there, and a
     * refused param costs no second reading of the frame. Every event is read, so the rest is still checked
     * to be JSON.
     */
    void finish() {
        if (pending != null) {
            // the consumer never took the first event; the underlying parser is on it
            Skip.value(delegate, pending);
            pending = null;
            return;
        }
        for (; depth > 0; depth--) {
            Skip.enclosing(delegate);
        }
    }

    /** Makes {@link #getString()} answer this for the current event: a whole number's plain digits. */
    void replaceText(String replacement) {
        text = replacement;
    }

    @Override
    public boolean hasNext() {
        return pending != null || depth > 0;
    }

    @Override
    public Event next() {
        Event e = pending;
        if (e != null) {
            pending = null;
        } else if (depth == 0) {
            // The value is over, and what follows belongs to the engine. JSON-B asks for more when a value
            // is not what the type wants (5 for a record): that is the problem.
            throw new ParamRefusal(walk.failure());
        } else {
            e = delegate.next();
        }
        text = null;
        if (e == Event.START_ARRAY || e == Event.START_OBJECT) {
            depth++;
        } else if (e == Event.END_ARRAY || e == Event.END_OBJECT) {
            depth--;
        }
        walk.event(e, this);
        return e;
    }

    @Override
    public Event currentEvent() {
        return delegate.currentEvent();
    }

    @Override
    public String getString() {
        String s = text;
        if (s == null) {
            s = delegate.getString();
            text = s;
        }
        return s;
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
        Event current = consuming();
        JsonObject value = delegate.getObject();
        consumed(current);
        return value;
    }

    @Override
    public JsonValue getValue() {
        Event current = consuming();
        JsonValue value = delegate.getValue();
        consumed(current);
        return value;
    }

    @Override
    public JsonArray getArray() {
        Event current = consuming();
        JsonArray value = delegate.getArray();
        consumed(current);
        return value;
    }

    @Override
    public Stream<JsonValue> getArrayStream() {
        Event current = consuming();
        Stream<JsonValue> value = delegate.getArrayStream();
        consumed(current);
        return value;
    }

    @Override
    public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
        Event current = consuming();
        Stream<Map.Entry<String, JsonValue>> value = delegate.getObjectStream();
        consumed(current);
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
     * Before the underlying parser reads the current value whole: the event it starts with, which the walk
     * has seen unless it is still pending.
     */
    private Event consuming() {
        Event current = pending != null ? pending : delegate.currentEvent();
        if (pending != null) {
            // the underlying parser is on this event already; only the consumer has not seen it
            pending = null;
            walk.consumed(current, false);
            return null;
        }
        return current;
    }

    /** After the underlying parser read a value whole: a structure the consumer had opened is now closed. */
    private void consumed(Event started) {
        text = null;
        if (started == Event.START_ARRAY || started == Event.START_OBJECT) {
            depth--;
            walk.consumed(started, true);
        }
    }

    @Override
    public void close() {
        // the engine owns the underlying parser
    }
}
