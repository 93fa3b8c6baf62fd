package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.codec.Limits;

import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Frames beyond a {@link Limits} value are refused with one -32600 naming the limit, after a linear
 * scan: deep nesting and huge exponents never reach the parser or JSON-B.
 */
class LimitsTest {

    public static class Echo {
        int calls;

        @JsonRpcMethod
        public Object echo(Object value) {
            calls++;
            return value;
        }
    }

    private final Echo echo = new Echo();
    private final JsonRpcEngine engine = Rpc.engine(echo);

    private static String refused(String why) {
        return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\"" + why + "\"},\"id\":null}";
    }

    private static String call(String id, String value) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[" + value + "],\"id\":" + id + "}";
    }

    private String batchOf(int n) {
        return IntStream.range(0, n).mapToObj(i -> call(String.valueOf(i), "1")).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void batchAtTheLimitRunsOverItIsRefusedWhole() {
        assertEquals(100, Rpc.batch(engine, batchOf(100)).size());
        assertEquals(100, echo.calls);
        assertEquals(refused("a batch may hold at most 100 messages"), send(engine, batchOf(101)));
        assertEquals(100, echo.calls, "nothing of a refused batch runs");
    }

    @Test
    void deepArrayIsRefusedFast() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> send(engine, deep));
        assertEquals(refused("nesting exceeds the limit of 64 levels"), answer);
        String unclosed = "[".repeat(100_000);
        assertEquals(refused("nesting exceeds the limit of 64 levels"),
                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> send(engine, unclosed)));
    }

    @Test
    void deepObjectInsideParamsIsRefused() {
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        assertEquals(refused("nesting exceeds the limit of 64 levels"),
                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> send(engine, call("1", deep))));
        String withinLimit = "{\"a\":".repeat(60) + "1" + "}".repeat(60);
        assertEquals(Rpc.parse(withinLimit), Rpc.single(engine, call("1", withinLimit)).get("result"));
        assertEquals(1, echo.calls);
    }

    @Test
    void hugeExponentsAndLongNumbersAreRefused() {
        assertEquals(refused("a number's exponent exceeds 1000 in magnitude"), send(engine, call("1", "1e999999")));
        assertEquals(refused("a number's exponent exceeds 1000 in magnitude"), send(engine, call("1", "-1.5E-99999")));
        assertEquals(refused("a number's exponent exceeds 1000 in magnitude"), send(engine, "[1e999999]"));
        assertEquals(refused("a number exceeds the limit of 100 characters"), send(engine, call("1", "9".repeat(200))));
        assertEquals(refused("a number exceeds the limit of 100 characters"), send(engine, call("9".repeat(101), "1")));
        assertEquals(0, echo.calls);
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1E+1000,\"id\":1}", send(engine, call("1", "1e1000")));
    }

    @Test
    void customLimitsAreHonoured() {
        JsonRpcEngine small = Rpc.builder(echo).limits(new Limits(2, 4, 10, 5)).build();
        assertEquals(refused("a batch may hold at most 2 messages"), send(small, "[" + call("1", "1") + "," + call("2", "1") + "," + call("3", "1") + "]"));
        assertEquals(2, Rpc.batch(small, "[" + call("1", "1") + "," + call("2", "1") + "]").size());
        assertEquals(refused("nesting exceeds the limit of 4 levels"), send(small, call("1", "[[[1]]]")));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":[[1]],\"id\":1}", send(small, call("1", "[[1]]")));
        assertEquals(refused("a string exceeds the limit of 10 characters"), send(small, call("1", "\"" + "x".repeat(11) + "\"")));
        assertEquals(refused("a string exceeds the limit of 10 characters"), send(small, call("1", "\"" + "\\\"".repeat(6) + "\"")));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"" + "x".repeat(10) + "\",\"id\":1}", send(small, call("1", "\"" + "x".repeat(10) + "\"")));
        assertEquals(refused("a number exceeds the limit of 5 characters"), send(small, call("1", "123456")));
        assertEquals(refused("a string exceeds the limit of 10 characters"),
                send(small, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1],\"id\":1,\"" + "k".repeat(11) + "\":0}"));
    }

    @Test
    void aHugeStringOverTheDefaultLimitIsRefused() {
        String huge = "\"" + "x".repeat((1 << 20) + 1) + "\"";
        assertEquals(refused("a string exceeds the limit of 1048576 characters"),
                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> send(engine, call("1", huge))));
        assertEquals(0, echo.calls);
    }

    @Test
    void limitsMustBeSensible() {
        for (int[] l : List.of(new int[] {0, 64, 1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 2, 0, 1}, new int[] {1, 2, 1, 0})) {
            assertThrows(IllegalArgumentException.class, () -> new Limits(l[0], l[1], l[2], l[3]));
        }
    }

    @Test
    void aRefusedLimitIsNamedWithTheValuesGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Limits(7, 1, 300, 40));
        assertEquals("limits must be positive, depth at least 2: maxBatchSize=7, maxDepth=1, maxStringLength=300, "
                + "maxNumberLength=40", e.getMessage());
    }
}
