package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParams;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A method whose only JSON parameter is a {@code JsonValue}, {@code JsonArray} or {@code JsonObject} marked
 * {@code @JsonRpcParams} receives the params whole, as they came, without binding: the array, the object, or
 * {@code JsonValue.NULL} when absent.
 */
class WholeParamsArriveAsTheyCameTest {

    public static class Raw {
        final List<String> ran = new ArrayList<>();

        @JsonRpcMethod
        public JsonValue echo(@JsonRpcParams JsonValue params) {
            ran.add("echo");
            return params;
        }

        @JsonRpcMethod
        public int count(@JsonRpcParams JsonArray params) {
            ran.add("count");
            return params.size();
        }

        @JsonRpcMethod
        public String keys(@JsonRpcParams JsonObject params) {
            ran.add("keys");
            return String.join(",", params.keySet());
        }
    }

    private final Raw service = new Raw();
    private final JsonRpcEngine<?> engine = Rpc.engine(service);

    private JsonObject call(String method, String paramsMember) {
        return single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + paramsMember + ",\"id\":1}");
    }

    @Test
    void positionalParamsArriveAsTheirArray() {
        assertJson("[1, \"two\", {\"three\": [3.0, 1e400]}, null]",
                call("echo", ",\"params\":[1, \"two\", {\"three\": [3.0, 1e400]}, null]").get("result"));
        assertJson("3", call("count", ",\"params\":[1, [2, 2], {}]").get("result"));
    }

    @Test
    void namedParamsArriveAsTheirObject() {
        assertJson("{\"b\": 1, \"a\": [true]}", call("echo", ",\"params\":{\"b\": 1, \"a\": [true]}").get("result"));
        assertJson("\"b,a\"", call("keys", ",\"params\":{\"b\": 1, \"a\": [true]}").get("result"));
    }

    @Test
    void paramsGivenBeforeTheMethodArriveToo() {
        assertJson("[1, 2]", single(engine, "{\"jsonrpc\":\"2.0\",\"params\":[1, 2],\"method\":\"echo\",\"id\":1}").get("result"));
        assertJson("\"x\"", single(engine, "{\"params\":{\"x\":0},\"jsonrpc\":\"2.0\",\"method\":\"keys\",\"id\":1}").get("result"));
    }

    @Test
    void absentParamsArriveAsNullOrEmpty() {
        assertJson("null", call("echo", "").get("result"));
        assertJson("0", call("count", "").get("result"));
        assertJson("\"\"", call("keys", "").get("result"));
    }

    @Test
    void theWrongKindOfParamsIsRefused() {
        assertJson("{\"problem\":\"expected params by position, got params by name\"}",
                assertError(-32602, "1", call("count", ",\"params\":{\"a\":[1, 2]}")).get("data"));
        assertJson("{\"problem\":\"expected params by name, got params by position\"}",
                assertError(-32602, "1", call("keys", ",\"params\":[{\"a\":1}]")).get("data"));
        assertEquals(List.of(), service.ran);
        assertJson("2", call("count", ",\"params\":[[], {}]").get("result"));
    }
}
