package io.jsonrpcws.impl.codec;

import jakarta.json.bind.JsonbException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A record or bean written as a JSON object, its readable properties in Yasson's order, each read through a method
 * handle built once: primitives straight from the getter, a {@code String} without asking for its class, anything
 * else by the writer of its class. A {@code null} or absent property is left out. A getter's failure is wrapped as
 * Yasson wraps it ("Error getting value on: ...", then "Unable to serialize property ...") so that the engine's log
 * and answer stay what they were.
 */
final class ObjectWriter extends ValueWriter {

    private final String typeName;
    private final Property[] properties;

    private ObjectWriter(String typeName, Property[] properties) {
        this.typeName = typeName;
        this.properties = properties;
    }

    /**
     * The writer of a class whose readable properties are these.
     *
     * @throws IllegalAccessException when a getter or field cannot be reached from outside its class
     */
    static ObjectWriter of(Class<?> type, List<YassonProperties.Readable> readable, ValueWriters values)
            throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Property[] properties = new Property[readable.size()];
        for (int i = 0; i < properties.length; i++) {
            YassonProperties.Readable r = readable.get(i);
            MethodHandle getter = r.member() instanceof Method m ? lookup.unreflect(m) : lookup.unreflectGetter((Field) r.member());
            properties[i] = Property.of(r.name(), getter, values);
        }
        return new ObjectWriter(type.getCanonicalName(), properties);
    }

    @Override
    void write(StringBuilder out, Object value, int depth) {
        int inner = deeper(depth);
        out.append('{');
        boolean first = true;
        for (Property p : properties) {
            try {
                first = p.write(out, value, first, inner);
            } catch (Redo redo) {
                throw redo;
            } catch (Exception e) {
                throw new JsonbException("Unable to serialize property '" + p.name + "' from " + typeName, e);
            }
        }
        out.append('}');
    }

    /** One property: its name, and how to read and write it. */
    private abstract static class Property {
        final String name;
        /** {@code "name":}, escaped once. */
        private final String key;

        Property(String name) {
            this.name = name;
            StringBuilder k = new StringBuilder(name.length() + 3);
            ResponseWriter.string(k, name);
            this.key = k.append(':').toString();
        }

        static Property of(String name, MethodHandle getter, ValueWriters values) {
            Class<?> type = getter.type().returnType();
            if (type.isPrimitive()) {
                MethodHandle typed = getter.asType(MethodType.methodType(type, Object.class));
                return new PrimitiveProperty(name, MethodHandles.collectArguments(ScalarWriters.appender(type), 1, typed));
            } else if (type == String.class) {
                return new StringProperty(name, getter.asType(MethodType.methodType(Object.class, Object.class)));
            }
            return new AnyProperty(name, getter.asType(MethodType.methodType(Object.class, Object.class)), values);
        }

        /** Appends the property unless it is left out; returns whether nothing has been appended yet. */
        abstract boolean write(StringBuilder out, Object owner, boolean first, int depth);

        final StringBuilder key(StringBuilder out, boolean first) {
            return (first ? out : out.append(',')).append(key);
        }

        static JsonbException getterFailed(Object owner, Throwable t) {
            return new JsonbException("Error getting value on: " + owner.getClass().getName(), t);
        }
    }

    /** A primitive: read and appended by one handle, {@code (StringBuilder, owner)void}, so never boxed. */
    private static final class PrimitiveProperty extends Property {
        private final MethodHandle readAndAppend;

        PrimitiveProperty(String name, MethodHandle readAndAppend) {
            super(name);
            this.readAndAppend = readAndAppend;
        }

        @Override
        boolean write(StringBuilder out, Object owner, boolean first, int depth) {
            try {
                readAndAppend.invokeExact(key(out, first), owner);
            } catch (Redo redo) {
                // appending refused the value (a NaN): not the getter's failure
                throw redo;
            } catch (Throwable t) {
                throw getterFailed(owner, t);
            }
            return false;
        }
    }

    /** Declared {@code String}: a final class, so no writer needs to be looked up. */
    private static final class StringProperty extends Property {
        private final MethodHandle getter;

        StringProperty(String name, MethodHandle getter) {
            super(name);
            this.getter = getter;
        }

        @Override
        boolean write(StringBuilder out, Object owner, boolean first, int depth) {
            Object v;
            try {
                v = (Object) getter.invokeExact(owner);
            } catch (Throwable t) {
                throw getterFailed(owner, t);
            }
            if (v == null) {
                return first;
            }
            ResponseWriter.string(key(out, first), (String) v);
            return false;
        }
    }

    /**
     * Anything else: written by the writer of the value's class. A property's values are mostly of one class, so the
     * last class seen and its writer are kept at hand, as one immutable pair that threads may replace in any order.
     */
    private static final class AnyProperty extends Property {
        private final MethodHandle getter;
        private final ValueWriters values;
        private Seen last = new Seen(Void.class, null);

        AnyProperty(String name, MethodHandle getter, ValueWriters values) {
            super(name);
            this.getter = getter;
            this.values = values;
        }

        private record Seen(Class<?> type, ValueWriter writer) {
        }

        @Override
        boolean write(StringBuilder out, Object owner, boolean first, int depth) {
            Object v;
            try {
                v = (Object) getter.invokeExact(owner);
            } catch (Throwable t) {
                throw getterFailed(owner, t);
            }
            if (v == null) {
                return first;
            }
            Seen seen = last;
            ValueWriter writer;
            if (seen.type() == v.getClass()) {
                writer = seen.writer();
            } else {
                writer = values.writerFor(v.getClass());
                last = new Seen(v.getClass(), writer);
            }
            if (writer.absent(v)) {
                return first;
            }
            writer.write(key(out, first), v, depth);
            return false;
        }
    }
}
