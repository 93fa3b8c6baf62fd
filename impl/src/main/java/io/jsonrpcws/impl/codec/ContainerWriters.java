package io.jsonrpcws.impl.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Collections, maps, arrays and optionals, written as Yasson writes them: each element by its own class, a
 * {@code null} element or map value as {@code null}, an empty optional as nothing (a member left out) or
 * {@code null} (anywhere else), arrays of primitives element by element ({@code byte[]} too: numbers, JSON-B's
 * default binary strategy). Maps are written as objects when every key is a {@code String}; any other key, which
 * JSON-B writes its own ways, sends the whole value to JSON-B.
 */
final class ContainerWriters {

    private ContainerWriters() {
    }

    static ValueWriter collection(ValueWriters values) {
        return new CollectionWriter(values);
    }

    static ValueWriter map(ValueWriters values) {
        return new MapWriter(values);
    }

    static ValueWriter objectArray(ValueWriters values) {
        return new ObjectArrayWriter(values);
    }

    static ValueWriter optional(ValueWriters values) {
        return new OptionalWriter(values);
    }

    /** The writer of this array of primitives, or of an optional of a primitive; {@code null} for other classes. */
    static ValueWriter primitives(Class<?> type) {
        if (type.isArray() && type.getComponentType().isPrimitive()) {
            Class<?> element = type.getComponentType();
            MethodHandle get = MethodHandles.arrayElementGetter(type)
                    .asType(MethodType.methodType(element, Object.class, int.class));
            return new PrimitiveArray(MethodHandles.collectArguments(ScalarWriters.appender(element), 1, get));
        } else if (type == OptionalInt.class) {
            return new OptionalIntWriter();
        } else if (type == OptionalLong.class) {
            return new OptionalLongWriter();
        } else if (type == OptionalDouble.class) {
            return new OptionalDoubleWriter();
        }
        return null;
    }

    /** An element, a map's value: {@code null} and absent values as {@code null}. */
    static void element(ValueWriters values, StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
            return;
        }
        if (value.getClass() == String.class) {
            // the commonest element, of a final class: its writer is known
            ResponseWriter.string(out, (String) value);
            return;
        }
        ValueWriter writer = values.writerFor(value.getClass());
        if (writer.absent(value)) {
            out.append("null");
        } else {
            writer.write(out, value, depth);
        }
    }

    private static final class CollectionWriter extends ValueWriter {
        private final ValueWriters values;

        CollectionWriter(ValueWriters values) {
            this.values = values;
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            int inner = deeper(depth);
            out.append('[');
            boolean first = true;
            for (Object element : (Collection<?>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                element(values, out, element, inner);
            }
            out.append(']');
        }
    }

    private static final class MapWriter extends ValueWriter {
        private final ValueWriters values;

        MapWriter(ValueWriters values) {
            this.values = values;
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            int inner = deeper(depth);
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new Redo("a map key that is not a string");
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                ResponseWriter.string(out, key);
                out.append(':');
                element(values, out, entry.getValue(), inner);
            }
            out.append('}');
        }
    }

    private static final class ObjectArrayWriter extends ValueWriter {
        private final ValueWriters values;

        ObjectArrayWriter(ValueWriters values) {
            this.values = values;
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            int inner = deeper(depth);
            Object[] array = (Object[]) value;
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                element(values, out, array[i], inner);
            }
            out.append(']');
        }
    }

    private static final class OptionalWriter extends ValueWriter {
        private final ValueWriters values;

        OptionalWriter(ValueWriters values) {
            this.values = values;
        }

        @Override
        boolean absent(Object value) {
            Optional<?> optional = (Optional<?>) value;
            // an Optional of an empty Optional is as absent as the inner one
            return optional.isEmpty() || values.writerFor(optional.get().getClass()).absent(optional.get());
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            Object content = ((Optional<?>) value).get();
            values.writerFor(content.getClass()).write(out, content, depth);
        }
    }

    private static final class OptionalIntWriter extends ValueWriter {
        @Override
        boolean absent(Object value) {
            return ((OptionalInt) value).isEmpty();
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            out.append(((OptionalInt) value).getAsInt());
        }
    }

    private static final class OptionalLongWriter extends ValueWriter {
        @Override
        boolean absent(Object value) {
            return ((OptionalLong) value).isEmpty();
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            out.append(((OptionalLong) value).getAsLong());
        }
    }

    private static final class OptionalDoubleWriter extends ValueWriter {
        @Override
        boolean absent(Object value) {
            return ((OptionalDouble) value).isEmpty();
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            ScalarWriters.appendDouble(out, ((OptionalDouble) value).getAsDouble());
        }
    }

    /** An array of primitives, each element read and appended by one handle, {@code (StringBuilder, array, index)void}. */
    private static final class PrimitiveArray extends ValueWriter {
        private final MethodHandle appendElement;

        PrimitiveArray(MethodHandle appendElement) {
            this.appendElement = appendElement;
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            int length = Array.getLength(value);
            out.append('[');
            try {
                for (int i = 0; i < length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendElement.invokeExact(out, value, i);
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable impossible) {
                throw new IllegalStateException(impossible);
            }
            out.append(']');
        }
    }
}
