package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Params that do not fit the method answer -32602 Invalid params, with {@code data} naming the parameter
 * and the problem, and the method does not run.
 */
class ParamErrorsTest {

    public static class Calc {
        final List<String> ran = new ArrayList<>();

        @JsonRpcMethod
        public int subtract(int minuend, int subtrahend) {
            ran.add("subtract");
            return minuend - subtrahend;
        }

        @JsonRpcMethod
        public long longs(long a, Long b) {
            return a + b;
        }

        @JsonRpcMethod
        public List<Number> limits(int a, Integer b, int c, int d, long e) {
            return List.of(a, b, c, d, e);
        }

        @JsonRpcMethod
        public String label(String text, Optional<String> suffix) {
            ran.add("label");
            return text + suffix.orElse("");
        }
    }

    private final Calc calc = new Calc();
    private final JsonRpcEngine engine = Rpc.engine(calc);

    private JsonObject data(String method, String params) {
        JsonObject answer = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":\"p\"}");
        JsonObject error = assertError(-32602, "\"p\"", answer);
        assertEquals("Invalid params", error.getString("message"));
        return error.getJsonObject("data");
    }

    @Test
    void missingParam() {
        assertJson("{\"parameter\":\"subtrahend\",\"problem\":\"missing\"}", data("subtract", "[42]"));
        assertJson("{\"parameter\":\"minuend\",\"problem\":\"missing\"}", data("subtract", "{\"subtrahend\":23}"));
        assertJson("{\"parameter\":\"minuend\",\"problem\":\"missing\"}", data("subtract", "[]"));
        assertJson("{\"parameter\":\"text\",\"problem\":\"missing\"}", data("label", "{\"suffix\":\"!\"}"));
        JsonObject absent = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"id\":1}");
        assertEquals("minuend", assertError(-32602, "1", absent).getJsonObject("data").getString("parameter"));
    }

    @Test
    void extraPositionalParam() {
        JsonObject data = data("subtract", "[42, 23, 1]");
        assertFalse(data.containsKey("parameter"), "an extra position belongs to no parameter");
        assertEquals("too many params: subtract takes 2", data.getString("problem"));
        assertEquals("too many params: label takes 2", data("label", "[\"a\",\"b\",{\"c\":[1]}]").getString("problem"));
    }

    @Test
    void unknownNamedParam() {
        assertJson("{\"parameter\":\"difference\",\"problem\":\"no such parameter\"}",
                data("subtract", "{\"minuend\":42,\"difference\":1,\"subtrahend\":23}"));
    }

    @Test
    void duplicateNamedParam() {
        assertJson("{\"parameter\":\"minuend\",\"problem\":\"given twice\"}",
                data("subtract", "{\"minuend\":42,\"subtrahend\":23,\"minuend\":43}"));
    }

    @Test
    void nullForAPrimitiveNamesTheParameter() {
        assertJson("{\"parameter\":\"subtrahend\",\"problem\":\"expected a whole number from -2147483648 to 2147483647, got null\"}", data("subtract", "[42, null]"));
        assertJson("{\"parameter\":\"minuend\",\"problem\":\"expected a whole number from -2147483648 to 2147483647, got null\"}",
                data("subtract", "{\"subtrahend\":1,\"minuend\":null}"));
    }

    @Test
    void illTypedScalarNamesTheParameter() {
        JsonObject data = data("subtract", "[42, \"twenty\"]");
        assertEquals("subtrahend", data.getString("parameter"));
        assertEquals("expected a whole number from -2147483648 to 2147483647, got a string", data.getString("problem"));
        data = data("subtract", "[[1], 2]");
        assertEquals("minuend", data.getString("parameter"));
        assertEquals("expected a whole number from -2147483648 to 2147483647, got an array", data.getString("problem"));
    }

    /** JSON-B alone would truncate 1.5 to 1 and wrap 9999999999 around to 1410065407. */
    @Test
    void numbersThatDoNotFitExactlyAreRefused() {
        for (String n : List.of("1.5", "9999999999", "-2147483649", "1e10", "-0.5")) {
            JsonObject data = data("subtract", "[" + n + ", 2]");
            assertJson("{\"parameter\":\"minuend\",\"problem\":\"expected a whole number from -2147483648 to 2147483647\"}", data);
        }
        JsonObject data = data("longs", "[9223372036854775808, 1]");
        assertEquals("a", data.getString("parameter"));
        data = data("longs", "[1, 0.5]");
        assertEquals("b", data.getString("parameter"));
        assertJson("[2147483647,-2147483648,1000,2,-9223372036854775808]", Rpc.answer(engine,
                "{\"jsonrpc\":\"2.0\",\"method\":\"limits\",\"params\":[2147483647,-2147483648,1e3,2.0,-9223372036854775808],\"id\":1}")
                .asJsonObject().get("result"));
    }

    /** Yasson reads the 1 of [1, 5] as an int and stops there; the 5 must not become the next param. */
    @Test
    void aStructureForAScalarIsRefusedWhole() {
        for (String params : List.of("[[1, 5], 2]", "[[1], 2]", "[[1, [2]], 2]", "{\"subtrahend\":2,\"minuend\":[1, 5]}")) {
            JsonObject data = data("subtract", params);
            assertEquals("minuend", data.getString("parameter"), params);
            assertEquals("expected a whole number from -2147483648 to 2147483647, got an array", data.getString("problem"));
        }
        assertEquals("text", data("label", "[[\"a\", \"b\"]]").getString("parameter"));
        assertEquals("text", data("label", "[[\"a\"], \"b\"]").getString("parameter"));
        assertEquals(List.of(), calc.ran);
    }

    @Test
    void methodDoesNotRunOnInvalidParams() {
        data("subtract", "[1]");
        data("subtract", "[1, 2, 3]");
        data("subtract", "{\"minuend\":1,\"x\":2}");
        assertEquals(List.of(), calc.ran);
    }

    @Test
    void paramsThatAreNeitherArrayNorObjectAreAnInvalidRequest() {
        for (String params : List.of("\"bar\"", "1", "null", "true")) {
            JsonObject answer = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":" + params + ",\"id\":2}");
            assertEquals("params must be an array or an object", assertError(-32600, "2", answer).getString("data"));
        }
    }

    @Test
    void invalidParamsOfANotificationAreNotAnswered() {
        assertEquals(null, Rpc.send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1]}"));
        assertEquals(null, Rpc.send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":null}}"));
        assertEquals(List.of(), calc.ran);
    }
}
