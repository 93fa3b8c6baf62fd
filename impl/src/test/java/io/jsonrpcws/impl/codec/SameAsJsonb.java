package io.jsonrpcws.impl.codec;

import jakarta.json.bind.JsonbBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the writing tests share: one engine's writers over a default Yasson, and checks that a value is written
 * exactly as Yasson writes it, by the fast path or by JSON-B as expected.
 */
final class SameAsJsonb {

    final ValueWriters values = ValueWriters.of(JsonbBuilder.create(), true);

    /** Asserts that the value's class takes the fast path, and that it writes the value as Yasson does. */
    void fast(Object value) {
        assertNull(values.whyJsonb(value.getClass()), () -> value.getClass().getName() + " should take the fast path");
        assertEquals(yasson(value), written(value), () -> "written differently: " + value.getClass().getName());
    }

    /** Asserts that JSON-B writes the value's class, for a reason mentioning {@code because}. */
    void jsonb(Object value, String because) {
        String why = values.whyJsonb(value.getClass());
        assertNotNull(why, () -> value.getClass().getName() + " should be left to JSON-B");
        assertEquals(true, why.contains(because), () -> "left to JSON-B for another reason: " + why);
        assertEquals(yasson(value), written(value));
    }

    /** Asserts that the fast path gives the whole value to JSON-B while writing it, and that the result is Yasson's. */
    void redone(Object value) {
        assertThrows(Redo.class, () -> values.writerFor(value.getClass()).write(new StringBuilder(), value, 0));
        assertEquals(yasson(value), written(value));
    }

    /** The fast path's text, or its failure told as {@link #failure} tells it. */
    String written(Object value) {
        StringBuilder out = new StringBuilder();
        try {
            values.write(out, value);
        } catch (RuntimeException e) {
            return failure(e);
        }
        return out.toString();
    }

    /** JSON-B's text, or its failure. */
    String yasson(Object value) {
        StringBuilder out = new StringBuilder();
        try {
            values.jsonb(out, value);
        } catch (RuntimeException e) {
            return failure(e);
        }
        return out.toString();
    }

    /** An exception and its causes, by class and message (identity hashes aside): what the engine logs of it. */
    static String failure(Throwable e) {
        StringBuilder text = new StringBuilder("failed:");
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(' ').append(t.getClass().getName()).append(": ").append(t.getMessage()).append(';');
        }
        return text.toString().replaceAll("@[0-9a-f]+", "@");
    }
}
