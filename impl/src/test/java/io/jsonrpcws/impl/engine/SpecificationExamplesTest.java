package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.parse;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section 7 of the JSON-RPC 2.0 specification, every example, with the inputs exactly as the
 * specification writes them. The specification's answers carry no {@code error.data}, which it says
 * "may be omitted"; the engine adds a description to Invalid Request, so {@code data} is left out of
 * the comparison and checked to be a string where present.
 */
class SpecificationExamplesTest {

    /** The service the examples assume; it records what ran, so that notifications can be seen. */
    public static class SpecService {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @JsonRpcMethod
        public int subtract(int minuend, int subtrahend) {
            calls.add("subtract");
            return minuend - subtrahend;
        }

        @JsonRpcMethod
        public int sum(int a, int b, int c) {
            calls.add("sum");
            return a + b + c;
        }

        @JsonRpcMethod
        public void update(int a, int b, int c, int d, int e) {
            calls.add("update " + a + b + c + d + e);
        }

        @JsonRpcMethod
        public void notify_hello(int n) {
            calls.add("notify_hello " + n);
        }

        @JsonRpcMethod
        public void notify_sum(int a, int b, int c) {
            calls.add("notify_sum " + (a + b + c));
        }

        @JsonRpcMethod
        public List<Object> get_data() {
            calls.add("get_data");
            return List.of("hello", 5);
        }
    }

    private final SpecService service = new SpecService();
    private final JsonRpcEngine engine = Rpc.engine(service);

    @Test
    void rpcCallWithPositionalParameters() {
        assertAnswer("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 1}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 1}");
        assertAnswer("{\"jsonrpc\": \"2.0\", \"result\": -19, \"id\": 2}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [23, 42], \"id\": 2}");
    }

    @Test
    void answersAreCompact() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}",
                send(engine, "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 1}"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":\"1\"}",
                send(engine, "{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": \"1\"}"));
    }

    @Test
    void rpcCallWithNamedParameters() {
        assertAnswer("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 3}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"subtrahend\": 23, \"minuend\": 42}, \"id\": 3}");
        assertAnswer("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 4}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"minuend\": 42, \"subtrahend\": 23}, \"id\": 4}");
    }

    @Test
    void aNotification() {
        assertNull(send(engine, "{\"jsonrpc\": \"2.0\", \"method\": \"update\", \"params\": [1,2,3,4,5]}"));
        assertNull(send(engine, "{\"jsonrpc\": \"2.0\", \"method\": \"foobar\"}"));
        assertEquals(List.of("update 12345"), service.calls);
    }

    @Test
    void rpcCallOfNonExistentMethod() {
        assertAnswer("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": \"1\"}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": \"1\"}");
    }

    @Test
    void rpcCallWithInvalidJson() {
        assertAnswer("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Parse error\"}, \"id\": null}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]");
    }

    @Test
    void rpcCallWithInvalidRequestObject() {
        assertAnswer("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null}",
                "{\"jsonrpc\": \"2.0\", \"method\": 1, \"params\": \"bar\"}");
    }

    @Test
    void rpcCallBatchInvalidJson() {
        assertAnswer("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Parse error\"}, \"id\": null}",
                "[\n"
                        + "  {\"jsonrpc\": \"2.0\", \"method\": \"sum\", \"params\": [1,2,4], \"id\": \"1\"},\n"
                        + "  {\"jsonrpc\": \"2.0\", \"method\"\n"
                        + "]");
        assertEquals(List.of(), service.calls, "nothing of a batch that is not JSON runs");
    }

    @Test
    void rpcCallWithAnEmptyArray() {
        assertAnswer("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null}",
                "[]");
    }

    @Test
    void rpcCallWithAnInvalidBatchButNotEmpty() {
        assertAnswer("[\n"
                        + "  {\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null}\n"
                        + "]",
                "[1]");
    }

    @Test
    void rpcCallWithInvalidBatch() {
        assertAnswer("[\n"
                        + "  {\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null},\n"
                        + "  {\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null},\n"
                        + "  {\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null}\n"
                        + "]",
                "[1,2,3]");
    }

    private static final String RPC_CALL_BATCH = "[\n"
            + "        {\"jsonrpc\": \"2.0\", \"method\": \"sum\", \"params\": [1,2,4], \"id\": \"1\"},\n"
            + "        {\"jsonrpc\": \"2.0\", \"method\": \"notify_hello\", \"params\": [7]},\n"
            + "        {\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42,23], \"id\": \"2\"},\n"
            + "        {\"foo\": \"boo\"},\n"
            + "        {\"jsonrpc\": \"2.0\", \"method\": \"foo.get\", \"params\": {\"name\": \"myself\"}, \"id\": \"5\"},\n"
            + "        {\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": \"9\"} \n"
            + "    ]";

    private static final String RPC_CALL_BATCH_ANSWER = "[\n"
            + "        {\"jsonrpc\": \"2.0\", \"result\": 7, \"id\": \"1\"},\n"
            + "        {\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": \"2\"},\n"
            + "        {\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null},\n"
            + "        {\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": \"5\"},\n"
            + "        {\"jsonrpc\": \"2.0\", \"result\": [\"hello\", 5], \"id\": \"9\"}\n"
            + "    ]";

    @Test
    void rpcCallBatch() {
        assertAnswer(RPC_CALL_BATCH_ANSWER, RPC_CALL_BATCH);
        assertEquals(List.of("sum", "notify_hello 7", "subtract", "get_data"), service.calls);
    }

    @Test
    void rpcCallBatchIsAnsweredInRequestOrder() {
        assertEquals(parse(RPC_CALL_BATCH_ANSWER), withoutErrorData(parse(send(engine, RPC_CALL_BATCH))));
    }

    @Test
    void rpcCallBatchAllNotifications() {
        assertNull(send(engine, "[\n"
                + "        {\"jsonrpc\": \"2.0\", \"method\": \"notify_sum\", \"params\": [1,2,4]},\n"
                + "        {\"jsonrpc\": \"2.0\", \"method\": \"notify_hello\", \"params\": [7]}\n"
                + "    ]"));
        assertEquals(List.of("notify_sum 7", "notify_hello 7"), service.calls);
    }

    /** Compares as JSON values; a batch answer in any order, as the specification allows. */
    private void assertAnswer(String expected, String frame) {
        String text = send(engine, frame);
        JsonValue want = parse(expected);
        JsonValue got = withoutErrorData(parse(text));
        if (want instanceof JsonArray wantBatch && got instanceof JsonArray gotBatch) {
            assertEquals(wantBatch.size(), gotBatch.size(), () -> "answers to " + frame + ": " + text);
            assertTrue(gotBatch.containsAll(wantBatch), () -> "answers to " + frame + ": " + text);
        } else {
            assertEquals(want, got, () -> "answer to " + frame + ": " + text);
        }
    }

    private static JsonValue withoutErrorData(JsonValue answer) {
        if (answer instanceof JsonArray batch) {
            var out = Json.createArrayBuilder();
            batch.forEach(a -> out.add(withoutErrorData(a)));
            return out.build();
        }
        JsonObject response = answer.asJsonObject();
        JsonValue error = response.get("error");
        if (!(error instanceof JsonObject e) || !e.containsKey("data")) {
            return response;
        }
        assertEquals(JsonValue.ValueType.STRING, e.get("data").getValueType(), () -> "data of " + e);
        return Json.createObjectBuilder(response)
                .add("error", Json.createObjectBuilder(e).remove("data"))
                .build();
    }
}
