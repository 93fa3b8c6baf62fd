package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.parse;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids come back exactly as the client wrote them; ids of other JSON types are Invalid Requests. */
class IdEchoTest {

    public static class Echo {
        @JsonRpcMethod
        public String echo(String s) {
            return s;
        }

        @JsonRpcMethod
        public void fail() {
            throw new IllegalStateException();
        }
    }

    private final JsonRpcEngine engine = Rpc.engine(new Echo());

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"1\"", "\"\"", "1", "0", "-7", "1.0", "1e2", "1E+2", "-0.5e-3",
            "123456789012345678901234567890", "null"})
    void idIsEchoedByteForByte(String id) {
        String result = send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":" + id + "}");
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":" + id + "}", result);
        String error = send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":" + id + "}");
        assertTrue(error.endsWith(",\"id\":" + id + "}"), error);
        String v1 = send(engine, "{\"method\":\"echo\",\"params\":[\"x\"],\"id\":" + id + "}");
        if (!id.equals("null")) {
            assertEquals("{\"result\":\"x\",\"error\":null,\"id\":" + id + "}", v1);
        }
    }

    @Test
    void numericIdsKeepTheirJsonType() {
        JsonValue id = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1.0}").get("id");
        assertEquals(parse("1.0"), id);
        assertEquals("1.0", id.toString());
        id = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":\"1\"}").get("id");
        assertEquals(JsonValue.ValueType.STRING, id.getValueType());
    }

    @Test
    void escapedStringIdKeepsItsValue() {
        JsonObject answer = single(engine,
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":\"a\\u0041\\\"\\\\\\n\\u00e9\\ud83d\\ude00\"}");
        assertEquals("aA\"\\\n\u00e9\ud83d\ude00", answer.getString("id"));
    }

    @Test
    void nullIdInVersion2IsARequestNotANotification() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":null}",
                send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":null}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\":1}", "[]", "[1]", "true", "false"})
    void idOfAnotherTypeIsInvalidRequestWithIdNull(String id) {
        JsonObject answer = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":" + id + "}");
        JsonObject error = assertError(-32600, "null", answer);
        assertEquals("id must be a string, a number or null", error.getString("data"));
    }
}
