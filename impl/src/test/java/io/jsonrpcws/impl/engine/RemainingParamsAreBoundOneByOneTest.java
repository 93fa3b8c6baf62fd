package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParams;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A last parameter that is a Java varargs, or a {@code List<T>} or array marked {@code @JsonRpcParams}, takes
 * the remaining positional params ({@code sum(1, 2, 3)}), each bound as strictly as a parameter of its own;
 * none remaining is empty. By name it is one member holding an array, and may be left out.
 */
class RemainingParamsAreBoundOneByOneTest {

    public record Point(int x, int y) {
    }

    public static class Varargs {
        final List<String> ran = new ArrayList<>();

        @JsonRpcMethod
        public int sum(int... values) {
            ran.add("sum " + Arrays.toString(values));
            return Arrays.stream(values).sum();
        }

        @JsonRpcMethod
        public String join(String separator, String... parts) {
            return String.join(separator, parts);
        }

        @JsonRpcMethod
        public Point centre(Point... points) {
            return new Point(Arrays.stream(points).mapToInt(Point::x).sum() / Math.max(1, points.length),
                    Arrays.stream(points).mapToInt(Point::y).sum() / Math.max(1, points.length));
        }

        @JsonRpcMethod
        public String tagged(String label, @JsonRpcParams List<Point> points) {
            return label + points;
        }

        @JsonRpcMethod
        public long longest(@JsonRpcParams long[] values) {
            return Arrays.stream(values).max().orElse(-1);
        }
    }

    private final Varargs service = new Varargs();
    private final JsonRpcEngine<?> engine = Rpc.engine(service);

    private JsonObject call(String method, String params) {
        return single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params)
                + ",\"id\":1}");
    }

    private String result(String method, String params) {
        JsonObject answer = call(method, params);
        return String.valueOf(answer.get("result") != null ? answer.get("result") : answer);
    }

    private JsonObject invalid(String method, String params) {
        return assertError(-32602, "1", call(method, params)).getJsonObject("data");
    }

    @Test
    void varargsTakeTheRemainingPositionalParams() {
        assertEquals("6", result("sum", "[1, 2, 3]"));
        assertEquals("7", result("sum", "[7]"));
        assertEquals("\"a-b-c\"", result("join", "[\"-\", \"a\", \"b\", \"c\"]"));
        assertEquals("{\"x\":2,\"y\":3}", result("centre", "[{\"x\":1,\"y\":2}, {\"x\":3,\"y\":4}]"));
        assertEquals("\"p[Point[x=1, y=2], Point[x=3, y=4]]\"", result("tagged", "[\"p\", {\"x\":1,\"y\":2}, {\"x\":3,\"y\":4}]"));
        assertEquals("9000000000", result("longest", "[1, 9000000000, 3]"));
    }

    @Test
    void noneRemainingIsEmpty() {
        assertEquals("0", result("sum", "[]"));
        assertEquals("0", result("sum", null));
        assertEquals("\"\"", result("join", "[\"-\"]"));
        assertEquals("\"p[]\"", result("tagged", "[\"p\"]"));
        assertEquals("-1", result("longest", "[]"));
        assertEquals(List.of("sum []", "sum []"), service.ran);
    }

    @Test
    void byNameTheyAreOneMemberHoldingAnArray() {
        assertEquals("3", result("sum", "{\"values\":[1, 2]}"));
        assertEquals("0", result("sum", "{}"));
        assertEquals("\"a+b\"", result("join", "{\"parts\":[\"a\",\"b\"],\"separator\":\"+\"}"));
        assertEquals("\"\"", result("join", "{\"separator\":\"+\"}"));
        assertEquals("\"p[Point[x=1, y=2]]\"", result("tagged", "{\"label\":\"p\",\"points\":[{\"x\":1,\"y\":2}]}"));
        assertJson("{\"parameter\":\"values\",\"problem\":\"at [1]: expected a whole number from -2147483648 to 2147483647, got a string\"}",
                invalid("sum", "{\"values\":[1, \"two\"]}"));
    }

    @Test
    void anIllTypedElementIsNamedByItsPosition() {
        assertJson("{\"parameter\":\"values\",\"problem\":\"at [2]: expected a whole number from -2147483648 to 2147483647, got a string\"}",
                invalid("sum", "[1, 2, \"three\"]"));
        assertJson("{\"parameter\":\"values\",\"problem\":\"at [1]: expected a whole number from -2147483648 to 2147483647\"}",
                invalid("sum", "[1, 2.5, 3]"));
        assertJson("{\"parameter\":\"values\",\"problem\":\"at [0]: expected a whole number from -2147483648 to 2147483647, got null\"}",
                invalid("sum", "[null]"));
        assertJson("{\"parameter\":\"values\",\"problem\":\"at [1]: expected a whole number from -2147483648 to 2147483647, got an array\"}",
                invalid("sum", "[1, [2, 3], 4]"));
        assertJson("{\"parameter\":\"parts\",\"problem\":\"at [1]: expected a string, got an object\"}",
                invalid("join", "[\"-\", \"a\", {}]"));
        assertJson("{\"parameter\":\"points\",\"problem\":\"at [1].y: expected a whole number from -2147483648 to 2147483647, got a string\"}",
                invalid("centre", "[{\"x\":1,\"y\":2}, {\"x\":3,\"y\":\"four\"}]"));
        assertJson("{\"parameter\":\"points\",\"problem\":\"at [0]: expected an object, got a number\"}",
                invalid("tagged", "[\"p\", 5]"));
        assertJson("{\"parameter\":\"values\",\"problem\":\"at [1]: expected a whole number from -9223372036854775808 to 9223372036854775807\"}",
                invalid("longest", "[1, 1e40]"));
        assertEquals(List.of(), service.ran, "the method does not run");
    }

    @Test
    void theCallAfterARefusedOneIsAnswered() {
        JsonObject data = invalid("sum", "[1, {\"a\": [1, 2]}, 3]");
        assertEquals("values", data.getString("parameter"));
        assertEquals("6", result("sum", "[1, 2, 3]"));
    }
}
