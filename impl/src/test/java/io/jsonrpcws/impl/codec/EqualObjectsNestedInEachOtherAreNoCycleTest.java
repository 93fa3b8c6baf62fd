package io.jsonrpcws.impl.codec;

import org.junit.jupiter.api.Test;

import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the fast path deliberately differs from Yasson: Yasson tells cycles by putting every object it is inside of
 * into a {@code HashSet}, so an object merely equal to one enclosing it is refused as a "recursive reference", and an
 * object whose {@code hashCode()} fails cannot be written at all. Neither is a cycle, and the fast path, which finds
 * cycles by how deep values nest, writes both.
 */
class EqualObjectsNestedInEachOtherAreNoCycleTest {

    private final SameAsJsonb both = new SameAsJsonb();

    /** Equal by name, as entities often are by id. */
    public static class Category {
        private final String name;
        private final Category parent;

        public Category(String name, Category parent) {
            this.name = name;
            this.parent = parent;
        }

        public String getName() {
            return name;
        }

        public Category getParent() {
            return parent;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Category c && c.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    public static class Unhashable {
        public String name = "u";

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            throw new IllegalStateException("not hashable yet");
        }
    }

    @Test
    void anEqualObjectInsideIsWritten() {
        Category sub = new Category("books", new Category("books", null));
        assertEquals("{\"name\":\"books\",\"parent\":{\"name\":\"books\"}}", both.written(sub));
        assertTrue(both.yasson(sub).contains("Recursive reference"), both.yasson(sub));
        assertTrue(Objects.equals(sub, sub.getParent()));
    }

    @Test
    void anObjectWithoutAHashCodeIsWritten() {
        assertEquals("{\"name\":\"u\"}", both.written(new Unhashable()));
        assertTrue(both.yasson(new Unhashable()).contains("not hashable yet"), both.yasson(new Unhashable()));
    }
}
