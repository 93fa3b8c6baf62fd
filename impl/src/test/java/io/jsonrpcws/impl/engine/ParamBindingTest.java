package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Params reach the Java parameter types, by position and by name, for the types JSON-B knows. */
class ParamBindingTest {

    public record Point(int x, int y) {
    }

    public record Profile(String name, int age, List<String> tags, Map<String, Integer> scores, Point home,
                          Color color, LocalDate born, String bio) {
    }

    public enum Color { RED, GREEN }

    public static class Types {
        @JsonRpcMethod
        public int total(List<Map<String, Integer>> rows) {
            return rows.stream().flatMap(r -> r.values().stream()).mapToInt(Integer::intValue).sum();
        }

        @JsonRpcMethod
        public Point move(Point p, int dx, int dy) {
            return new Point(p.x() + dx, p.y() + dy);
        }

        @JsonRpcMethod
        public Profile older(Profile p) {
            return new Profile(p.name(), p.age() + 1, p.tags(), p.scores(), p.home(), p.color(), p.born(), p.bio());
        }

        @JsonRpcMethod
        public String sorted(Set<String> words, SortedMap<String, Boolean> flags) {
            return new TreeSet<>(words) + " " + flags;
        }

        @JsonRpcMethod
        public int[] doubled(int[] values) {
            return Arrays.stream(values).map(v -> v * 2).toArray();
        }

        @JsonRpcMethod
        public String describe(Color color) {
            return color.name() + "/" + color.ordinal();
        }

        @JsonRpcMethod
        public Color next(Color color) {
            return Color.values()[(color.ordinal() + 1) % 2];
        }

        @JsonRpcMethod
        public String greet(String name, Optional<String> title) {
            return title.map(t -> t + " " + name).orElse(name);
        }

        @JsonRpcMethod
        public String count(OptionalInt n) {
            return n.isPresent() ? "n=" + n.getAsInt() : "none";
        }

        @JsonRpcMethod
        public LocalDate dayAfter(LocalDate day) {
            return day.plusDays(1);
        }

        @JsonRpcMethod
        public Instant secondAfter(Instant instant) {
            return instant.plusSeconds(1);
        }

        @JsonRpcMethod
        public String boxed(Integer n, Boolean b, Long l) {
            return n + " " + b + " " + l;
        }

        @JsonRpcMethod
        public String primitives(int n, boolean b, long l, double d, char c) {
            return n + " " + b + " " + l + " " + d + " " + c;
        }

        @JsonRpcMethod
        public BigInteger square(BigInteger n) {
            return n.multiply(n);
        }

        @JsonRpcMethod
        public BigDecimal halve(BigDecimal n) {
            return n.divide(BigDecimal.valueOf(2));
        }

        @JsonRpcMethod
        public long longs(long a, Long b) {
            return a + b;
        }

        @JsonRpcMethod
        public String text(String s) {
            return s;
        }
    }

    private final JsonRpcEngine engine = Rpc.engine(new Types());

    private JsonObject call(String method, String params) {
        return single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}");
    }

    private void assertResult(String expected, String method, String params) {
        JsonObject answer = call(method, params);
        assertTrue(answer.containsKey("result"), () -> method + params + " answered " + answer);
        assertJson(expected, answer.get("result"));
    }

    @Test
    void genericCollections() {
        assertResult("10", "total", "[[{\"a\":1,\"b\":2},{},{\"c\":7}]]");
        assertResult("10", "total", "{\"rows\":[{\"a\":1,\"b\":2},{},{\"c\":7}]}");
        assertResult("\"[a, b] {x=true, y=false}\"", "sorted", "[[\"b\",\"a\",\"b\"],{\"y\":false,\"x\":true}]");
        assertResult("[2,4,-6]", "doubled", "[[1,2,-3]]");
    }

    @Test
    void recordsByPositionAndByName() {
        assertResult("{\"x\":3,\"y\":-1}", "move", "[{\"x\":1,\"y\":1},2,-2]");
        assertResult("{\"x\":3,\"y\":-1}", "move", "{\"dy\":-2,\"p\":{\"y\":1,\"x\":1},\"dx\":2}");
    }

    @Test
    void aRecordOfAboutOneKilobyte() {
        String bio = "x".repeat(850);
        String profile = "{\"name\":\"Ada\",\"age\":36,\"tags\":[\"math\",\"engines\",\"poetry\"],"
                + "\"scores\":{\"analysis\":10,\"notes\":9},\"home\":{\"x\":51,\"y\":0},\"color\":\"GREEN\","
                + "\"born\":\"1815-12-10\",\"bio\":\"" + bio + "\"}";
        assertTrue(profile.length() > 900, "about 1 KB");
        assertResult(profile.replace("\"age\":36", "\"age\":37"), "older", "[" + profile + "]");
        assertResult(profile.replace("\"age\":36", "\"age\":37"), "older", "{\"p\":" + profile + "}");
    }

    @Test
    void enums() {
        assertResult("\"GREEN/1\"", "describe", "[\"GREEN\"]");
        assertResult("\"RED\"", "next", "{\"color\":\"GREEN\"}");
        assertEquals(-32602, Rpc.code(call("describe", "[\"BLUE\"]")));
    }

    @Test
    void optionalParamsMayBeLeftOutOrNull() {
        assertResult("\"Dr Bob\"", "greet", "[\"Bob\",\"Dr\"]");
        assertResult("\"Bob\"", "greet", "[\"Bob\"]");
        assertResult("\"Bob\"", "greet", "[\"Bob\",null]");
        assertResult("\"Bob\"", "greet", "{\"name\":\"Bob\"}");
        assertResult("\"Bob\"", "greet", "{\"name\":\"Bob\",\"title\":null}");
        assertResult("\"Dr Bob\"", "greet", "{\"title\":\"Dr\",\"name\":\"Bob\"}");
        assertResult("\"n=3\"", "count", "[3]");
        assertResult("\"none\"", "count", "[]");
        assertResult("\"none\"", "count", "{}");
        assertResult("\"none\"", "count", "[null]");
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"none\",\"id\":1}",
                send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"id\":1}"), "params may be absent");
    }

    @Test
    void javaTime() {
        assertResult("\"2024-03-01\"", "dayAfter", "[\"2024-02-29\"]");
        assertResult("\"2024-01-01T00:00:00Z\"", "secondAfter", "[\"2023-12-31T23:59:59Z\"]");
        assertEquals(-32602, Rpc.code(call("dayAfter", "[\"2023-02-29\"]")));
    }

    @Test
    void boxedTakeNullPrimitivesDoNot() {
        assertResult("\"null null null\"", "boxed", "[null,null,null]");
        assertResult("\"1 true 2\"", "boxed", "[1,true,2]");
        assertResult("\"1 true 2 2.5 c\"", "primitives", "[1,true,2,2.5,\"c\"]");
    }

    @Test
    void numbersBeyondTheFastPath() {
        assertResult("3000000000", "longs", "[1000000000,2000000000]");
        assertResult("9000000000000000001", "longs", "[9000000000000000000,1]");
        assertResult("15241578753238836527968299765279684", "square", "[123456789012345678]");
        assertResult("0.25", "halve", "[0.5]");
        assertResult("\"\\u0000\\\"\\\\\\n\u00e9\ud83d\ude00\"", "text", "[\"\\u0000\\\"\\\\\\n\u00e9\\ud83d\\ude00\"]");
    }
}
