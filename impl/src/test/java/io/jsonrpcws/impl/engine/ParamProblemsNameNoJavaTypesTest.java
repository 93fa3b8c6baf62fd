package io.jsonrpcws.impl.engine;


import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import org.eclipse.yasson.YassonConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Whatever JSON-B fails on, -32602's {@code data} is {@code {"parameter": ..., "problem": ...}} with the
 * problem in the client's JSON terms: what was expected where. JSON-B's own messages name Java classes
 * ("Cannot create instance of a class: class probe.Secret$NoCtor"); none of that reaches the client.
 */
class ParamProblemsNameNoJavaTypesTest {

    /** JSON-B cannot create it: no constructor it can use. */
    public static class NoCtor {
        public int x;

        private NoCtor(int x) {
            this.x = x;
        }
    }

    public record Holder(NoCtor inner) {
    }

    public record Point(int x, int y) {
    }

    /** Its constructor refuses, with a message that names classes. */
    public record Checked(int value) {
        public Checked {
            if (value < 0) {
                throw new IllegalArgumentException("class io.jsonrpcws.secret.Thing refuses " + value);
            }
        }
    }

    public enum Color { RED, GREEN }

    public interface Shape {
    }

    public abstract static class Base {
        public int id;
    }

    public record Code(String value) {
    }

    /** Fails with a message that names a class. */
    public static class CodeAdapter implements JsonbAdapter<Code, String> {
        @Override
        public String adaptToJson(Code code) {
            return code.value();
        }

        @Override
        public Code adaptFromJson(String text) {
            throw new IllegalStateException("java.lang.String " + text + " is no " + Code.class);
        }
    }

    public static class Probe {
        @JsonRpcMethod
        public int noCtor(NoCtor n) {
            return n.x;
        }

        @JsonRpcMethod
        public int holder(Holder h) {
            return 1;
        }

        @JsonRpcMethod
        public int point(Point p) {
            return p.x();
        }

        @JsonRpcMethod
        public int points(List<Point> p) {
            return p.size();
        }

        @JsonRpcMethod
        public int byName(Map<String, Point> p) {
            return p.size();
        }

        @JsonRpcMethod
        public int checked(Checked c) {
            return c.value();
        }

        @JsonRpcMethod
        public String color(Color c) {
            return c.name();
        }

        @JsonRpcMethod
        public String day(LocalDate d) {
            return d.toString();
        }

        @JsonRpcMethod
        public int shape(Shape s) {
            return 1;
        }

        @JsonRpcMethod
        public int base(Base b) {
            return b.id;
        }

        @JsonRpcMethod
        public int number(int n) {
            return n;
        }

        @JsonRpcMethod
        public String locale(Locale l) {
            return l.toString();
        }

        @JsonRpcMethod
        public String code(Code c) {
            return c.value();
        }
    }

    private final JsonRpcEngine engine = Rpc.builder(new Probe())
            .jsonbConfig(new JsonbConfig().withAdapters(new CodeAdapter())).build();

    /** The problem told for these params, after checking that the whole answer names no Java type. */
    private String problem(String method, String params, String parameter) {
        String text = Rpc.send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":7}");
        for (String secret : List.of("$", "class ", "java.", "jakarta.", "io.jsonrpcws", "org.eclipse", "yasson", "Exception",
                "NoCtor", "Holder", "Point", "Checked", "Color", "Shape", "Base", "LocalDate", "Code", "Locale", "int ")) {
            assertFalse(text.contains(secret), () -> "'" + secret + "' in " + text);
        }
        JsonObject error = assertError(-32602, "7", Rpc.parse(text).asJsonObject());
        JsonObject data = error.getJsonObject("data");
        assertEquals(parameter, data.getString("parameter"), text);
        return data.getString("problem");
    }

    @Test
    void noUsableConstructor() {
        assertEquals("this object is not accepted", problem("noCtor", "[{\"x\":1}]", "n"));
        assertEquals("at inner: this object is not accepted", problem("holder", "[{\"inner\":{\"x\":1}}]", "h"));
    }

    @Test
    void wrongShapes() {
        assertEquals("expected an object, got a number", problem("point", "[5]", "p"));
        assertEquals("expected an object, got a string", problem("point", "[\"5,5\"]", "p"));
        assertEquals("expected an object, got an array", problem("point", "[[1,2]]", "p"));
        assertEquals("at [1]: expected an object, got a number", problem("points", "[[{\"x\":1,\"y\":2},3]]", "p"));
        assertEquals("at [0].y: expected a whole number from -2147483648 to 2147483647, got an object",
                problem("points", "[[{\"x\":1,\"y\":{}}]]", "p"));
        assertEquals("expected an array, got an object", problem("points", "[{\"x\":1}]", "p"));
        assertEquals("at a: expected an object, got true", problem("byName", "[{\"a\":true}]", "p"));
        assertEquals("expected a whole number from -2147483648 to 2147483647, got an object", problem("number", "[{}]", "n"));
    }

    @Test
    void valuesTheTypeRefuses() {
        assertEquals("this object is not accepted", problem("checked", "[{\"value\":-1}]", "c"));
        assertEquals("this string is not accepted (expected one of \"RED\", \"GREEN\")", problem("color", "[\"BLUE\"]", "c"));
        assertEquals("expected one of \"RED\", \"GREEN\", got a number", problem("color", "[1]", "c"));
        assertEquals("this string is not accepted", problem("day", "[\"2023-02-29\"]", "d"));
        assertEquals("this string is not accepted", problem("code", "[\"x\"]", "c"));
    }

    @Test
    void unknownMembersWhenTheConfigurationRefusesThem() {
        JsonRpcEngine strict = Rpc.builder(new Probe()).jsonbConfig(new YassonConfig().withFailOnUnknownProperties(true)).build();
        String text = Rpc.send(strict, "{\"jsonrpc\":\"2.0\",\"method\":\"points\",\"params\":[[{\"x\":1,\"y\":2},{\"x\":1,\"z\":2}]],\"id\":7}");
        assertEquals("at [1]: unknown member \"z\"", assertError(-32602, "7", Rpc.parse(text).asJsonObject())
                .getJsonObject("data").getString("problem"), text);
    }

    @Test
    void typesJsonbCannotCreate() {
        assertEquals("this object is not accepted", problem("shape", "[{}]", "s"));
        assertEquals("this object is not accepted", problem("base", "[{\"id\":1}]", "b"));
        problem("locale", "[{\"language\":\"en\"}]", "l");
    }
}
