package io.jsonrpcws.impl.codec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A getter that throws makes the fast path fail with the exceptions Yasson's own failure carries ("Unable to
 * serialize property ..." around "Error getting value on: ..." around the getter's exception), at any depth, so
 * that the engine answers and logs as it did; errors are wrapped as Yasson wraps them too.
 */
class GetterFailuresAreReportedAsYassonReportsThemTest {

    private final SameAsJsonb both = new SameAsJsonb();

    public static class Unwritable {
        public String getValue() {
            throw new IllegalStateException("secret state");
        }
    }

    public static class Erroneous {
        public int getCount() {
            throw new AssertionError("not an exception");
        }
    }

    public record Outer(String name, List<Inner> inners) {
    }

    public record Inner(Unwritable unwritable) {
    }

    @Test
    void failuresAreWrappedAsYassonWrapsThem() {
        both.fast(new Unwritable());
        both.fast(new Erroneous());
        both.fast(new Outer("o", List.of(new Inner(new Unwritable()))));
        String failure = both.written(new Outer("o", List.of(new Inner(new Unwritable()))));
        assertTrue(failure.startsWith("failed: jakarta.json.bind.JsonbException: Unable to serialize property 'inners'"), failure);
        assertTrue(failure.contains("java.lang.IllegalStateException: secret state"), failure);
        assertEquals(both.yasson(new Erroneous()), both.written(new Erroneous()));
    }
}
