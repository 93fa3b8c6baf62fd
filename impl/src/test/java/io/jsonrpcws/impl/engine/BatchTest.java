package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.batch;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Batches: read whole before anything runs, answered in request order, notifications left out. */
class BatchTest {

    public static class Counter {
        final List<Integer> ran = new ArrayList<>();

        @JsonRpcMethod
        public int square(int n) {
            ran.add(n);
            return n * n;
        }
    }

    private final Counter counter = new Counter();
    private final JsonRpcEngine engine = Rpc.engine(counter);

    private static String square(int n, String id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"square\",\"params\":[" + n + "]" + (id == null ? "" : ",\"id\":" + id) + "}";
    }

    @Test
    void answersComeInRequestOrder() {
        String frame = IntStream.range(0, 20).mapToObj(i -> square(i, "\"r" + i + "\"")).collect(Collectors.joining(",", "[", "]"));
        JsonArray answers = batch(engine, frame);
        assertEquals(20, answers.size());
        for (int i = 0; i < 20; i++) {
            assertEquals("r" + i, answers.getJsonObject(i).getString("id"));
            assertEquals(i * i, answers.getJsonObject(i).getInt("result"));
        }
        assertEquals(IntStream.range(0, 20).boxed().toList(), counter.ran, "members run in order");
    }

    @Test
    void notificationsAreLeftOutOfTheAnswer() {
        assertEquals("[{\"jsonrpc\":\"2.0\",\"result\":4,\"id\":2}]",
                send(engine, "[" + square(1, null) + "," + square(2, "2") + "," + square(3, null) + "]"));
        assertEquals(List.of(1, 2, 3), counter.ran);
    }

    @Test
    void aBatchOfOnlyNotificationsIsNotAnswered() {
        assertNull(send(engine, "[" + square(1, null) + "," + square(2, null) + "]"));
        assertNull(send(engine, "[{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\"}]"));
        assertEquals(List.of(1, 2), counter.ran);
    }

    @Test
    void membersThatAreNotObjectsAreInvalidRequests() {
        JsonArray answers = batch(engine, "[1, \"x\", null, true, [], [" + square(5, "9") + "], {}, " + square(4, "4") + "]");
        assertEquals(8, answers.size());
        for (int i = 0; i < 7; i++) {
            assertError(-32600, "null", answers.getJsonObject(i));
        }
        assertEquals(16, answers.getJsonObject(7).getInt("result"));
        assertEquals(List.of(4), counter.ran, "a batch inside a batch is not run");
    }

    @Test
    void aParseErrorAnywhereAnswersOneParseErrorAndNothingRuns() {
        for (String frame : List.of(
                "[" + square(1, "1") + "," + square(2, "2") + ",]",
                "[" + square(1, "1") + "," + square(2, "2"),
                "[" + square(1, "1") + "," + square(2, "2") + "] x",
                "[" + square(1, "1") + ", {\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"params\":[1 2],\"id\":3}]",
                "[" + square(1, "1") + ", {\"jsonrpc\":\"2.0\",\"method\":\"square\",\"params\":[2],\"id\":3,\"x\":{\"a\":tru}}]")) {
            assertError(-32700, "null", single(engine, frame));
        }
        assertEquals(List.of(), counter.ran);
    }

    @Test
    void anEmptyBatchIsOneInvalidRequest() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}",
                send(engine, "[ ]"));
    }

    @Test
    void duplicateIdsAreEachAnswered() {
        assertEquals("[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":4,\"id\":1}]",
                send(engine, "[" + square(1, "1") + "," + square(2, "1") + "]"));
    }
}
