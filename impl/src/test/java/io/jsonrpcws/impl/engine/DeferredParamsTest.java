package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Members may come in any order: when {@code params} comes before {@code method}, the engine keeps it
 * and binds it once the method is known, with the same results and errors as the usual order.
 */
class DeferredParamsTest {

    public record Point(int x, int y) {
    }

    public static class Geometry {
        @JsonRpcMethod
        public Point move(Point p, int dx) {
            return new Point(p.x() + dx, p.y());
        }

        @JsonRpcMethod
        public List<String> pair(String a, String b) {
            return List.of(a, b);
        }
    }

    private final JsonRpcEngine engine = Rpc.engine(new Geometry());

    @Test
    void paramsBeforeMethodBindByPositionAndByName() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"x\":3,\"y\":2},\"id\":1}",
                send(engine, "{\"params\":[{\"x\":1,\"y\":2},2],\"id\":1,\"method\":\"move\",\"jsonrpc\":\"2.0\"}"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":[\"a\",\"b\"],\"id\":2}",
                send(engine, "{\"id\":2,\"params\":{\"b\":\"b\",\"a\":\"a\"},\"jsonrpc\":\"2.0\",\"method\":\"pair\"}"));
        assertEquals("{\"result\":[\"a\",\"b\"],\"error\":null,\"id\":3}",
                send(engine, "{\"params\":[\"a\",\"b\"],\"id\":3,\"method\":\"pair\"}"));
    }

    @Test
    void deferredParamsAnswerTheSameErrors() {
        JsonObject answer = single(engine, "{\"params\":[{\"x\":\"one\",\"y\":2},2],\"jsonrpc\":\"2.0\",\"method\":\"move\",\"id\":4}");
        assertEquals("p", assertError(-32602, "4", answer).getJsonObject("data").getString("parameter"));
        answer = single(engine, "{\"params\":{\"a\":\"a\"},\"jsonrpc\":\"2.0\",\"method\":\"pair\",\"id\":5}");
        assertJson("{\"parameter\":\"b\",\"problem\":\"missing\"}", assertError(-32602, "5", answer).getJsonObject("data"));
        answer = single(engine, "{\"params\":[1],\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"id\":6}");
        assertError(-32601, "6", answer);
        assertNull(send(engine, "{\"params\":[1],\"jsonrpc\":\"2.0\",\"method\":\"pair\"}"));
    }

    @Test
    void deferredParamsMustBeValidJson() {
        assertError(-32700, "null", single(engine, "{\"params\":[1 2],\"jsonrpc\":\"2.0\",\"method\":\"pair\",\"id\":7}"));
    }
}
