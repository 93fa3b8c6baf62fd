package io.jsonrpcws.impl.dispatch;

import jakarta.json.stream.JsonParser.Event;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads one value of a Java type from the parser's events as Yasson does by default, step for step: the
 * same values from the same JSON, the same objects created, and a failure at the same event, so that the
 * {@link ShapeWalk} tells it alike. Built once per type by {@link DirectBinders}, holding method handles;
 * immutable, thread-safe. Each part names the Yasson 3 class whose behaviour it repeats.
 */
abstract class Binder {

    /**
     * Reads the value whose first event, {@code e}, the parser has just returned; afterwards the parser is on
     * the value's last event.
     *
     * @throws Failure where Yasson throws a {@code JsonbException}; other runtime exceptions where it lets
     *                 one through
     */
    abstract Object read(ReplayParser parser, Event e);

    /** Where Yasson throws a {@code JsonbException}: the same cause, at the same place in the chain. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** Yasson's {@code PositionChecker.Checker.VALUES}. */
    static boolean scalar(Event e) {
        return e == Event.VALUE_STRING || e == Event.VALUE_NUMBER || e == Event.VALUE_TRUE || e == Event.VALUE_FALSE
                || e == Event.VALUE_NULL;
    }

    /**
     * Yasson's {@code PositionChecker}: a value that does not start as expected makes it read one event more,
     * which is then taken for the start if it is one.
     */
    static Event position(ReplayParser parser, Event e, Event expected) {
        if (e == expected) {
            return e;
        }
        Event next = parser.next();
        if (next != expected) {
            throw new Failure("Incorrect position: " + e + ", expected " + expected, null);
        }
        return next;
    }

    // ---- scalars: NullCheckDeserializer, PositionChecker, ValueExtractor, the TypeDeserializer of the type

    /** A JSON scalar to a Java value, as one of Yasson's {@code TypeDeserializer}s. */
    abstract static class Scalar extends Binder {
        @Override
        final Object read(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return null;
            }
            Event at = scalar(e) ? e : parser.next();
            return switch (at) {
                case VALUE_TRUE -> fromBoolean(true);
                case VALUE_FALSE -> fromBoolean(false);
                case VALUE_STRING -> fromText(parser.getString());
                case VALUE_NUMBER -> fromNumber(parser);
                // a null after a structure's start: Yasson's ValueExtractor has no case for it
                default -> throw new Failure("Could not extract data. Received event: " + at, null);
            };
        }

        abstract Object fromText(String text);

        Object fromBoolean(boolean value) {
            return fromText(String.valueOf(value));
        }

        Object fromNumber(ReplayParser parser) {
            return fromText(parser.getString());
        }
    }

    /** {@code StringDeserializer}, {@code CharDeserializer}, {@code EnumDeserializer}, {@code NumberDeserializer}. */
    static final class Text extends Scalar {
        private final Function<String, Object> parse;

        Text(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        Object fromText(String text) {
            return parse.apply(text);
        }
    }

    /** {@code BooleanDeserializer}: any text but "true" is false. */
    static final class Bool extends Scalar {
        @Override
        Object fromText(String text) {
            return Boolean.parseBoolean(text);
        }

        @Override
        Object fromBoolean(boolean value) {
            return value;
        }
    }

    /**
     * Yasson's {@code AbstractNumberDeserializer}s: text that is no number of the type is its
     * {@code JsonbException}; {@code int} and {@code long} take a JSON number from the parser's own conversion.
     */
    static final class Numeric extends Scalar {
        private final Function<String, Object> parse;
        private final Function<ReplayParser, Object> number;

        /** @param number reads a JSON number, or {@code null} for parsing its text */
        Numeric(Function<String, Object> parse, Function<ReplayParser, Object> number) {
            this.parse = parse;
            this.number = number;
        }

        @Override
        Object fromText(String text) {
            try {
                return parse.apply(text);
            } catch (NumberFormatException e) {
                throw new Failure("Error deserializing number", e);
            }
        }

        @Override
        Object fromNumber(ReplayParser parser) {
            return number != null ? number.apply(parser) : fromText(parser.getString());
        }
    }

    /** {@code OptionalIntDeserializer} and its kin: null is empty; no null check of their own otherwise. */
    static final class OptionalNumber extends Binder {
        private final Scalar number;
        private final Object empty;
        private final Function<Object, Object> wrap;

        OptionalNumber(Scalar number, Object empty, Function<Object, Object> wrap) {
            this.number = number;
            this.empty = empty;
            this.wrap = wrap;
        }

        static OptionalNumber ofInt(Scalar ints) {
            return new OptionalNumber(ints, OptionalInt.empty(), v -> OptionalInt.of((Integer) v));
        }

        static OptionalNumber ofLong(Scalar longs) {
            return new OptionalNumber(longs, OptionalLong.empty(), v -> OptionalLong.of((Long) v));
        }

        static OptionalNumber ofDouble(Scalar doubles) {
            return new OptionalNumber(doubles, OptionalDouble.empty(), v -> OptionalDouble.of((Double) v));
        }

        @Override
        Object read(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return empty;
            }
            // the value read after a structure's start may be null: then Yasson unboxes null
            return wrap.apply(number.read(parser, e));
        }
    }

    /** {@code OptionalDeserializer}: the value, null for empty. */
    static final class OptionalOf extends Binder {
        private final Binder value;

        OptionalOf(Binder value) {
            this.value = value;
        }

        @Override
        Object read(ReplayParser parser, Event e) {
            return Optional.ofNullable(value.read(parser, e));
        }
    }

    // ---- containers: CollectionDeserializer, ArrayDeserializer, MapDeserializer and their instance creators

    /** Reads the elements of an array, its start read, into the collection; Yasson's {@code CollectionDeserializer}. */
    static Collection<Object> elements(ReplayParser parser, Binder element, Collection<Object> into) {
        while (parser.hasNext()) {
            Event next = parser.next();
            if (next == Event.END_ARRAY) {
                return into;
            }
            if (next == Event.KEY_NAME || next == Event.END_OBJECT) {
                throw new Failure("Unexpected state: " + next, null);
            }
            into.add(element.read(parser, next));
        }
        return into;
    }

    /** A collection, of the class Yasson's {@code CollectionInstanceCreator} picks. */
    static final class CollectionOf extends Binder {
        private final Binder element;
        private final Supplier<Collection<Object>> create;

        CollectionOf(Binder element, Supplier<Collection<Object>> create) {
            this.element = element;
            this.create = create;
        }

        @Override
        Object read(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return null;
            }
            position(parser, e, Event.START_ARRAY);
            return elements(parser, element, create.get());
        }
    }

    /** An array: Yasson reads a list, then copies it, unboxing into a primitive array at the end. */
    static final class ArrayOf extends Binder {
        private final Binder element;
        private final Class<?> component;

        ArrayOf(Binder element, Class<?> component) {
            this.element = element;
            this.component = component;
        }

        @Override
        Object read(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return null;
            }
            position(parser, e, Event.START_ARRAY);
            Collection<Object> values = elements(parser, element, new ArrayList<>());
            Object array = Array.newInstance(component, values.size());
            int i = 0;
            for (Object value : values) {
                if (value == null && component.isPrimitive()) {
                    // Yasson's (int) obj
                    throw new NullPointerException("null element in a primitive array");
                }
                Array.set(array, i++, value);
            }
            return array;
        }
    }

    /**
     * A map with string keys: an object, or an array of {"key": ..., "value": ...} objects as JSON-B writes
     * maps whose keys are not strings; Yasson's {@code MapDeserializer} to the letter, odd inputs included.
     */
    static final class MapOf extends Binder {
        private final Scalar key;
        private final Binder value;
        private final Supplier<Map<Object, Object>> create;

        MapOf(Scalar key, Binder value, Supplier<Map<Object, Object>> create) {
            this.key = key;
            this.value = value;
            this.create = create;
        }

        private enum Mode { NONE, NORMAL, OBJECT }

        private enum State { NEXT, KEY, VALUE, DONE }

        @Override
        Object read(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return null;
            }
            if (e != Event.START_OBJECT && e != Event.START_ARRAY) {
                Event next = parser.next();
                if (next != Event.START_OBJECT && next != Event.START_ARRAY) {
                    throw new Failure("Incorrect position for a map: " + e, null);
                }
            }
            Map<Object, Object> map = create.get();
            Object entryKey = null;
            Object keyValue = null;
            String keyName = null;
            Mode mode = Mode.NONE;
            State state = State.NEXT;
            while (parser.hasNext()) {
                Event next = parser.next();
                switch (next) {
                    case KEY_NAME -> {
                        mode = mode == Mode.NONE ? Mode.NORMAL : mode;
                        if (mode == Mode.NORMAL) {
                            keyValue = parser.getString();
                        }
                        keyName = parser.getString();
                    }
                    case START_OBJECT, START_ARRAY, VALUE_STRING, VALUE_TRUE, VALUE_FALSE, VALUE_NUMBER, VALUE_NULL -> {
                        if (next == Event.START_OBJECT && mode == Mode.NONE) {
                            mode = Mode.OBJECT;
                        }
                        if (mode == Mode.OBJECT) {
                            if (state == State.NEXT) {
                                state = State.KEY;
                            } else if (state == State.KEY) {
                                named("key", keyName);
                                entryKey = entryKey(parser, next);
                                state = State.VALUE;
                            } else if (state == State.VALUE) {
                                named("value", keyName);
                                map.put(entryKey, value.read(parser, next));
                                state = State.DONE;
                            } else {
                                throw new Failure("Only attributes 'key' and 'value' allowed!", null);
                            }
                        } else {
                            map.put(keyValue, value.read(parser, next));
                        }
                    }
                    case END_OBJECT -> {
                        state = State.NEXT;
                        if (mode != Mode.OBJECT) {
                            return map;
                        }
                    }
                    case END_ARRAY -> {
                        return map;
                    }
                }
            }
            return map;
        }

        /** The key of an entry: Yasson's string deserializer, which also takes a member name where a value should be. */
        private Object entryKey(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return null;
            }
            if (!scalar(e)) {
                Event next = parser.next();
                if (next == Event.KEY_NAME) {
                    return parser.getString();
                }
                if (!scalar(next) || next == Event.VALUE_NULL) {
                    // past the start, null is no longer checked for: Yasson's ValueExtractor has no case for it
                    throw new Failure("Incorrect position for a map key: " + e, null);
                }
                return key.read(parser, next);
            }
            return key.read(parser, e);
        }

        private static void named(String expected, String keyName) {
            if (!expected.equals(keyName)) {
                throw new Failure("Attribute name has to be '" + expected + "'. Got: " + keyName, null);
            }
        }
    }

    // ---- objects: JsonbCreatorDeserializer, ObjectDeserializer

    /** The members of a record or bean by their JSON names, their binders in the same order. */
    record Members(Map<String, Integer> index, Binder[] binders) {
        int of(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
    }

    /**
     * Reads the members of an object whose start has been read, handing each known one to {@code member} and
     * skipping the others, as Yasson's object deserializers do; returns at the object's end.
     */
    private static void members(ReplayParser parser, Members members, MemberSink member) {
        int current = -1;
        while (parser.hasNext()) {
            Event next = parser.next();
            switch (next) {
                case KEY_NAME -> current = members.of(parser.getString());
                case END_OBJECT -> {
                    return;
                }
                case END_ARRAY -> {
                    // ObjectDeserializer lets it pass; JsonbCreatorDeserializer has no case for it, as below
                }
                default -> {
                    if (current >= 0) {
                        try {
                            member.accept(current, members.binders()[current].read(parser, next));
                        } catch (Failure f) {
                            throw new Failure("Unable to deserialize property", f);
                        }
                    } else if (next == Event.START_OBJECT || next == Event.START_ARRAY) {
                        parser.skipObject();
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface MemberSink {
        void accept(int member, Object value);
    }

    /** A record by its canonical constructor: members not sent are 0, false, empty or null; the last of a name wins. */
    static final class RecordOf extends Binder {
        private final Members members;
        private final Object[] defaults;
        private final boolean[] primitive;
        /** {@code (Object[])Object}: the constructor, spread. */
        private final MethodHandle constructor;

        /**
         * @param defaults  per component, what Yasson passes when it is not sent
         * @param primitive per component, whether null cannot be passed
         */
        RecordOf(Members members, Object[] defaults, boolean[] primitive, MethodHandle constructor) {
            this.members = members;
            this.defaults = defaults;
            this.primitive = primitive;
            this.constructor = constructor;
        }

        @Override
        Object read(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return null;
            }
            position(parser, e, Event.START_OBJECT);
            Object[] args = defaults.clone();
            members(parser, members, (i, value) -> args[i] = value);
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null && primitive[i]) {
                    // what Constructor.newInstance, which Yasson calls, throws
                    throw new IllegalArgumentException("null for a primitive component");
                }
            }
            try {
                return constructor.invokeExact(args);
            } catch (Throwable thrown) {
                throw new Failure("Error calling the record's constructor", new InvocationTargetException(thrown));
            }
        }
    }

    /** A class with a public no-arg constructor, its members set as they come: the last of a name wins. */
    static final class BeanOf extends Binder {
        private final Members members;
        /** {@code ()Object}. */
        private final MethodHandle constructor;
        /** {@code (Object, Object)void} each: a setter, or a public field's. */
        private final MethodHandle[] setters;

        BeanOf(Members members, MethodHandle constructor, MethodHandle[] setters) {
            this.members = members;
            this.constructor = constructor;
            this.setters = setters;
        }

        @Override
        Object read(ReplayParser parser, Event e) {
            if (e == Event.VALUE_NULL) {
                return null;
            }
            position(parser, e, Event.START_OBJECT);
            Object instance;
            try {
                instance = constructor.invokeExact();
            } catch (Throwable thrown) {
                throw new Failure("Can't create instance", new InvocationTargetException(thrown));
            }
            members(parser, members, (i, value) -> {
                try {
                    setters[i].invokeExact(instance, value);
                } catch (Throwable thrown) {
                    throw new Failure("Error setting value", thrown);
                }
            });
            return instance;
        }
    }

    /** A binder of a type still being built, for types that contain themselves. */
    static final class Later extends Binder {
        private volatile Binder target;

        void set(Binder binder) {
            this.target = binder;
        }

        @Override
        Object read(ReplayParser parser, Event e) {
            return target.read(parser, e);
        }
    }
}
