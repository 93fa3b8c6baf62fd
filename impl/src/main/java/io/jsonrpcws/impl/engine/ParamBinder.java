package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.model.Param;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import java.lang.System.Logger.Level;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Binds a {@code params} array or object straight from the parser to a method's Java parameters.
 *
 * <p>Strings, integers and booleans are read from the parser directly when JSON-B is known to map them
 * the standard way; everything else goes through JSON-B, its events checked along the {@link Shape} of
 * the parameter's type on the way. A problem is told in the client's terms (what JSON was expected where),
 * never with JSON-B's message or a Java type's name. A last parameter that takes the remaining positional params
 * binds them one by one, a problem naming the element ("at [2]: ..."); one that takes the params whole gets the
 * JSON-P structure as read.
 */
final class ParamBinder {

    private static final System.Logger LOG = System.getLogger(ParamBinder.class.getName());

    private final ValueReader reader;
    private final boolean standardScalars;
    private final Shapes shapes;

    ParamBinder(ValueReader reader, boolean standardScalars) {
        this.reader = reader;
        this.standardScalars = standardScalars;
        this.shapes = reader.shapes();
    }

    /**
     * The outcome of a binding: the arguments, or the error. Either way the parser is left on the last event
     * of the params, so that the caller reads the rest of the message on.
     */
    record Outcome(Object[] args, ErrorObject error) {
        static Outcome failed(ErrorObject error) {
            return new Outcome(null, error);
        }

        static Outcome bound(Object[] args) {
            return new Outcome(args, null);
        }
    }

    /** Binds the absent {@code params}: every JSON parameter must be optional. */
    Outcome bindAbsent(RpcMethod method) {
        Object[] args = new Object[method.params().size()];
        ErrorObject missing = fillMissing(method.jsonParams(), 0, null, args);
        return missing == null ? Outcome.bound(args) : Outcome.failed(missing);
    }

    /** Binds {@code params}; the parser's current event is its {@code START_ARRAY} or {@code START_OBJECT}. */
    Outcome bind(JsonParser parser, Event start, RpcMethod method) {
        Param.Json whole = wholeParam(method);
        if (whole != null) {
            ErrorObject wrongKind = wrongKind(whole, start == Event.START_ARRAY);
            if (wrongKind != null) {
                skipValue(parser, start);
                return Outcome.failed(wrongKind);
            }
            return whole(whole, method, start == Event.START_ARRAY ? parser.getArray() : parser.getObject());
        }
        return start == Event.START_ARRAY ? byPosition(parser, method) : byName(parser, method);
    }

    /**
     * Binds params that were read as a JSON-P structure before the method was known, when the method takes them
     * whole; {@code null} for any other method.
     */
    Outcome bindWhole(JsonStructure params, RpcMethod method) {
        Param.Json whole = wholeParam(method);
        if (whole == null) {
            return null;
        }
        ErrorObject wrongKind = wrongKind(whole, params instanceof JsonArray);
        return wrongKind != null ? Outcome.failed(wrongKind) : whole(whole, method, params);
    }

    /** The one parameter that takes the params whole, or {@code null}. */
    private static Param.Json wholeParam(RpcMethod method) {
        List<Param.Json> params = method.jsonParams();
        return params.size() == 1 && params.get(0).take() == Param.Take.WHOLE ? params.get(0) : null;
    }

    private static ErrorObject wrongKind(Param.Json whole, boolean array) {
        if (whole.type() == (array ? JsonObject.class : JsonArray.class)) {
            return ErrorObject.invalidParams(null, array
                    ? "expected params by name, got params by position" : "expected params by position, got params by name");
        }
        return null;
    }

    private static Outcome whole(Param.Json p, RpcMethod method, JsonStructure params) {
        Object[] args = new Object[method.params().size()];
        args[p.index()] = params;
        return Outcome.bound(args);
    }

    private Outcome byPosition(JsonParser parser, RpcMethod method) {
        List<Param.Json> params = method.jsonParams();
        Object[] args = new Object[method.params().size()];
        int position = 0;
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            if (position >= params.size()) {
                skipRest(parser, e);
                return Outcome.failed(ErrorObject.invalidParams(null,
                        "too many params: " + method.name() + " takes " + params.size()));
            }
            Param.Json p = params.get(position++);
            boolean rest = p.take() == Param.Take.REST;
            Outcome failed = rest ? readRest(parser, e, p, args) : readInto(parser, e, p, args);
            if (failed != null) {
                skipEnclosing(parser);
                return failed;
            }
            if (rest) {
                // it read the params to their end
                break;
            }
        }
        ErrorObject missing = fillMissing(params, position, null, args);
        return missing == null ? Outcome.bound(args) : Outcome.failed(missing);
    }

    private Outcome byName(JsonParser parser, RpcMethod method) {
        List<Param.Json> params = method.jsonParams();
        Object[] args = new Object[method.params().size()];
        boolean[] seen = new boolean[args.length];
        Event e;
        while ((e = parser.next()) != Event.END_OBJECT) {
            String key = parser.getString();
            Param.Json p = method.jsonParam(key);
            e = parser.next();
            if (p == null || seen[p.index()]) {
                skipValue(parser, e);
                skipRest(parser, Event.END_OBJECT);
                return Outcome.failed(ErrorObject.invalidParams(key, p == null
                        ? unknownName(method) : "given twice"));
            }
            seen[p.index()] = true;
            Outcome failed = readInto(parser, e, p, args);
            if (failed != null) {
                skipEnclosing(parser);
                return failed;
            }
        }
        ErrorObject missing = fillMissing(params, 0, seen, args);
        return missing == null ? Outcome.bound(args) : Outcome.failed(missing);
    }

    private static String unknownName(RpcMethod method) {
        boolean unnamed = method.jsonParams().stream().anyMatch(p -> p.name() == null);
        return unnamed
                ? "no such parameter: the parameters of " + method.name() + " have no names, pass them by position"
                : "no such parameter";
    }

    /** Reads one argument; returns the failure, or {@code null} on success. */
    private Outcome readInto(JsonParser parser, Event e, Param.Json p, Object[] args) {
        return read(parser, e, p, p.type(), p.primitive(), args, p.index(), -1);
    }

    /**
     * Reads the remaining positional params, the first of which starts with {@code e}, up to the end of the
     * params, each as the parameter's element type; returns the failure, naming the element, or {@code null}.
     */
    private Outcome readRest(JsonParser parser, Event e, Param.Json p, Object[] args) {
        boolean primitive = p.element() instanceof Class<?> c && c.isPrimitive();
        List<Object> values = new ArrayList<>();
        Object[] slot = new Object[1];
        for (Event next = e; next != Event.END_ARRAY; next = parser.next()) {
            Outcome failed = read(parser, next, p, p.element(), primitive, slot, 0, values.size());
            if (failed != null) {
                return failed;
            }
            values.add(slot[0]);
        }
        args[p.index()] = rest(p, values);
        return null;
    }

    /**
     * Reads one value of the given type into {@code into[slot]}; returns the failure, or {@code null} on success.
     *
     * @param element the index of the value among the remaining params of {@code p}, or -1 for {@code p}'s own
     */
    private Outcome read(JsonParser parser, Event e, Param.Json p, Type type, boolean primitive, Object[] into, int slot,
                         int element) {
        if (e == Event.VALUE_NULL && primitive) {
            return Outcome.failed(refused(p, element, "expected " + shapes.of(type).expected() + ", got null"));
        }
        if (standardScalars) {
            Object fast;
            try {
                fast = readScalar(parser, e, type);
            } catch (ArithmeticException ex) {
                return Outcome.failed(refused(p, element, "expected " + shapes.of(type).expected()));
            }
            if (fast != NOT_SCALAR) {
                into[slot] = fast;
                return null;
            }
        }
        try {
            Object value = reader.read(parser, e, type);
            if (value == null && primitive) {
                return Outcome.failed(refused(p, element, "expected " + shapes.of(type).expected() + ", got " + Shape.found(e)));
            }
            into[slot] = value;
            return null;
        } catch (ParamRefusal refusal) {
            if (refusal.getCause() != null) {
                LOG.log(Level.DEBUG, () -> "JSON-B could not bind param " + label(p) + " to " + type.getTypeName(),
                        refusal.getCause());
            }
            return Outcome.failed(refused(p, element, refusal.getMessage()));
        }
    }

    private static ErrorObject refused(Param.Json p, int element, String problem) {
        return ErrorObject.invalidParams(label(p), element < 0 ? problem : at(element, problem));
    }

    /** The problem of an element of a parameter's remaining params, its place first: "at [2].home.zip: ...". */
    static String at(int element, String problem) {
        if (problem.startsWith("at ")) {
            String path = problem.substring(3);
            return "at [" + element + "]" + (path.startsWith("[") ? "" : ".") + path;
        }
        return "at [" + element + "]: " + problem;
    }

    /** The remaining params as the parameter's array or list. */
    private static Object rest(Param.Json p, List<Object> values) {
        if (!Shapes.raw(p.type()).isArray()) {
            return values;
        }
        Object array = Array.newInstance(Shapes.raw(p.element()), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static final Object NOT_SCALAR = new Object();

    private static Object readScalar(JsonParser parser, Event e, Type type) {
        if (type == String.class) {
            return e == Event.VALUE_STRING ? parser.getString() : NOT_SCALAR;
        }
        // Numbers for int and long are never left to JSON-B, which truncates 1.5 and wraps 9999999999
        // around silently: a value that does not fit exactly throws ArithmeticException.
        if (type == int.class || type == Integer.class) {
            return e == Event.VALUE_NUMBER ? (Object) (int) StrictNumbers.whole(parser, Integer.MIN_VALUE, Integer.MAX_VALUE) : NOT_SCALAR;
        }
        if (type == long.class || type == Long.class) {
            return e == Event.VALUE_NUMBER ? (Object) StrictNumbers.whole(parser, Long.MIN_VALUE, Long.MAX_VALUE) : NOT_SCALAR;
        }
        if (type == boolean.class || type == Boolean.class) {
            return e == Event.VALUE_TRUE ? Boolean.TRUE : e == Event.VALUE_FALSE ? Boolean.FALSE : NOT_SCALAR;
        }
        return NOT_SCALAR;
    }

    private static ErrorObject fillMissing(List<Param.Json> params, int from, boolean[] seen, Object[] args) {
        for (int i = from; i < params.size(); i++) {
            Param.Json p = params.get(i);
            if (seen != null && seen[p.index()]) {
                continue;
            }
            if (!p.optional()) {
                return ErrorObject.invalidParams(label(p), "missing");
            }
            args[p.index()] = switch (p.take()) {
                case ONE -> emptyOptional(p.type());
                case REST -> rest(p, new ArrayList<>());
                case WHOLE -> p.type() == JsonArray.class ? JsonValue.EMPTY_JSON_ARRAY
                        : p.type() == JsonObject.class ? JsonValue.EMPTY_JSON_OBJECT : JsonValue.NULL;
            };
        }
        return null;
    }

    private static Object emptyOptional(Type type) {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof java.lang.reflect.ParameterizedType pt ? (Class<?>) pt.getRawType() : Optional.class;
        if (raw == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (raw == OptionalLong.class) {
            return OptionalLong.empty();
        }
        if (raw == OptionalDouble.class) {
            return OptionalDouble.empty();
        }
        return Optional.empty();
    }

    /** Skips the rest of the params structure after the value whose first event is {@code e}. */
    private static void skipRest(JsonParser parser, Event e) {
        if (e != Event.END_OBJECT) {
            skipValue(parser, e);
        }
        skipEnclosing(parser);
    }

    /**
     * Skips the value whose first event is {@code e}. Every event is read rather than calling
     * {@link JsonParser#skipArray()}: Parsson's skip only counts brackets, so it accepts invalid JSON
     * inside the skipped value and never returns when the frame ends inside it.
     */
    static void skipValue(JsonParser parser, Event e) {
        if (e == Event.START_ARRAY || e == Event.START_OBJECT) {
            skipEnclosing(parser);
        }
    }

    /** Skips to the end of the array or object the parser is in, checking the JSON on the way. */
    static void skipEnclosing(JsonParser parser) {
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

    private static String label(Param.Json p) {
        return p.name() != null ? p.name() : "#" + p.index();
    }
}
