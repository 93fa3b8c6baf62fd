package io.jsonrpcws.impl.dispatch;

import io.jsonrpcws.impl.codec.ParamsReader;
import io.jsonrpcws.impl.codec.Skip;
import io.jsonrpcws.impl.model.Param;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;
import io.jsonrpcws.impl.types.Generics;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;

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
public final class ParamBinder implements ParamsReader {

    private static final System.Logger LOG = System.getLogger(ParamBinder.class.getName());

    private final ValueReader reader;
    private final boolean standardScalars;
    private final Shapes shapes;
    private final JsonParserFactory parsers;

    /**
     * @param standardScalars whether strings, integers and booleans may skip JSON-B: it maps them the standard way
     * @param parsers         reads params that were kept as a structure
     */
    public ParamBinder(ValueReader reader, boolean standardScalars, JsonParserFactory parsers) {
        this.reader = reader;
        this.standardScalars = standardScalars;
        this.shapes = reader.shapes();
        this.parsers = parsers;
    }

    @Override
    public Bound absent(RpcMethod method) {
        Object[] args = new Object[method.params().size()];
        ErrorObject missing = fillMissing(method.jsonParams(), 0, null, args);
        return missing == null ? Bound.of(args) : Bound.failed(missing);
    }

    @Override
    public Bound bind(JsonParser parser, Event start, RpcMethod method) {
        Param.Json whole = wholeParam(method);
        if (whole != null) {
            ErrorObject wrongKind = wrongKind(whole, start == Event.START_ARRAY);
            if (wrongKind != null) {
                Skip.value(parser, start);
                return Bound.failed(wrongKind);
            }
            return whole(whole, method, start == Event.START_ARRAY ? parser.getArray() : parser.getObject());
        }
        return start == Event.START_ARRAY ? byPosition(parser, method) : byName(parser, method);
    }

    @Override
    public Bound bind(JsonStructure params, RpcMethod method) {
        Param.Json whole = wholeParam(method);
        if (whole != null) {
            ErrorObject wrongKind = wrongKind(whole, params instanceof JsonArray);
            return wrongKind != null ? Bound.failed(wrongKind) : whole(whole, method, params);
        }
        try (JsonParser parser = params instanceof JsonArray a ? parsers.createParser(a)
                : parsers.createParser((JsonObject) params)) {
            return bind(parser, parser.next(), method);
        }
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

    private static Bound whole(Param.Json p, RpcMethod method, JsonStructure params) {
        Object[] args = new Object[method.params().size()];
        args[p.index()] = params;
        return Bound.of(args);
    }

    private Bound byPosition(JsonParser parser, RpcMethod method) {
        List<Param.Json> params = method.jsonParams();
        Object[] args = new Object[method.params().size()];
        int position = 0;
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            if (position >= params.size()) {
                skipRest(parser, e);
                return Bound.failed(ErrorObject.invalidParams(null,
                        "too many params: " + method.name() + " takes " + params.size()));
            }
            Param.Json p = params.get(position++);
            boolean rest = p.take() == Param.Take.REST;
            Bound failed = rest ? readRest(parser, e, p, args) : readInto(parser, e, p, args);
            if (failed != null) {
                Skip.enclosing(parser);
                return failed;
            }
            if (rest) {
                // it read the params to their end
                break;
            }
        }
        ErrorObject missing = fillMissing(params, position, null, args);
        return missing == null ? Bound.of(args) : Bound.failed(missing);
    }

    private Bound byName(JsonParser parser, RpcMethod method) {
        List<Param.Json> params = method.jsonParams();
        Object[] args = new Object[method.params().size()];
        boolean[] seen = new boolean[args.length];
        Event e;
        while ((e = parser.next()) != Event.END_OBJECT) {
            String key = parser.getString();
            Param.Json p = method.jsonParam(key);
            e = parser.next();
            if (p == null || seen[p.index()]) {
                Skip.value(parser, e);
                skipRest(parser, Event.END_OBJECT);
                return Bound.failed(ErrorObject.invalidParams(key, p == null
                        ? unknownName(method) : "given twice"));
            }
            seen[p.index()] = true;
            Bound failed = readInto(parser, e, p, args);
            if (failed != null) {
                Skip.enclosing(parser);
                return failed;
            }
        }
        ErrorObject missing = fillMissing(params, 0, seen, args);
        return missing == null ? Bound.of(args) : Bound.failed(missing);
    }

    private static String unknownName(RpcMethod method) {
        boolean unnamed = method.jsonParams().stream().anyMatch(p -> p.name() == null);
        return unnamed
                ? "no such parameter: the parameters of " + method.name() + " have no names, pass them by position"
                : "no such parameter";
    }

    /** Reads one argument; returns the failure, or {@code null} on success. */
    private Bound readInto(JsonParser parser, Event e, Param.Json p, Object[] args) {
        return read(parser, e, p, p.type(), p.primitive(), args, p.index(), -1);
    }

    /**
     * Reads the remaining positional params, the first of which starts with {@code e}, up to the end of the
     * params, each as the parameter's element type; returns the failure, naming the element, or {@code null}.
     */
    private Bound readRest(JsonParser parser, Event e, Param.Json p, Object[] args) {
        boolean primitive = p.element() instanceof Class<?> c && c.isPrimitive();
        List<Object> values = new ArrayList<>();
        Object[] slot = new Object[1];
        for (Event next = e; next != Event.END_ARRAY; next = parser.next()) {
            Bound failed = read(parser, next, p, p.element(), primitive, slot, 0, values.size());
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
    private Bound read(JsonParser parser, Event e, Param.Json p, Type type, boolean primitive, Object[] into, int slot,
                         int element) {
        if (e == Event.VALUE_NULL && primitive) {
            return Bound.failed(refused(p, element, "expected " + shapes.of(type).expected() + ", got null"));
        }
        if (standardScalars) {
            Object fast;
            try {
                fast = readScalar(parser, e, type);
            } catch (ArithmeticException ex) {
                return Bound.failed(refused(p, element, "expected " + shapes.of(type).expected()));
            }
            if (fast != NOT_SCALAR) {
                into[slot] = fast;
                return null;
            }
        }
        try {
            Object value = reader.read(parser, e, type);
            if (value == null && primitive) {
                return Bound.failed(refused(p, element, "expected " + shapes.of(type).expected() + ", got " + Shape.found(e)));
            }
            into[slot] = value;
            return null;
        } catch (ParamRefusal refusal) {
            if (refusal.getCause() != null) {
                LOG.log(Level.DEBUG, () -> "JSON-B could not bind param " + label(p) + " to " + type.getTypeName(),
                        refusal.getCause());
            }
            return Bound.failed(refused(p, element, refusal.getMessage()));
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
        if (!Generics.raw(p.type()).isArray()) {
            return values;
        }
        Object array = Array.newInstance(Generics.raw(p.element()), values.size());
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
            Skip.value(parser, e);
        }
        Skip.enclosing(parser);
    }

    private static String label(Param.Json p) {
        return p.name() != null ? p.name() : "#" + p.index();
    }
}
