package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * JSON-RPC 1.0 (json-rpc.org/wiki/specification): no {@code jsonrpc} member, positional params, an id
 * on every message ({@code null} for notifications), and answers that carry both {@code result} and
 * {@code error}. Malformed 1.0 messages and foreign version markers are Invalid Requests.
 */
class Version1ExamplesTest {

    public static class ChatService {
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());

        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }

        @JsonRpcMethod
        public int postMessage(String message) {
            messages.add(message);
            return 1;
        }

        @JsonRpcMethod
        public void handleMessage(String user, String message) {
            messages.add(user + ": " + message);
        }

        @JsonRpcMethod
        public int refuse() {
            throw new JsonRpcException(42, "refused", List.of("why"));
        }

        @JsonRpcMethod
        public void crash() {
            messages.add("crash");
            throw new IllegalStateException("secret");
        }
    }

    private final ChatService service = new ChatService();
    private final JsonRpcEngine engine = Rpc.engine(service);

    @Test
    void echoExample() {
        assertJson("{\"result\": \"Hello JSON-RPC\", \"error\": null, \"id\": 1}",
                single(engine, "{\"method\": \"echo\", \"params\": [\"Hello JSON-RPC\"], \"id\": 1}"));
        assertEquals("{\"result\":\"Hello JSON-RPC\",\"error\":null,\"id\":1}",
                send(engine, "{\"method\": \"echo\", \"params\": [\"Hello JSON-RPC\"], \"id\": 1}"));
    }

    @Test
    void chatExample() {
        assertJson("{ \"result\": 1, \"error\": null, \"id\": 99}",
                single(engine, "{ \"method\": \"postMessage\", \"params\": [\"Hello all!\"], \"id\": 99 }"));
        assertNull(send(engine,
                "{ \"method\": \"handleMessage\", \"params\": [\"user1\", \"we were just talking\"], \"id\": null}"));
        assertEquals(List.of("Hello all!", "user1: we were just talking"), service.messages);
    }

    @Test
    void notificationsWithIdNullNeverAnswer() {
        assertNull(send(engine, "{\"method\": \"nosuch\", \"params\": [], \"id\": null}"));
        assertNull(send(engine, "{\"method\": \"crash\", \"params\": [], \"id\": null}"));
        assertNull(send(engine, "{\"method\": \"echo\", \"params\": [1, 2, 3], \"id\": null}"));
        assertEquals(List.of("crash"), service.messages);
    }

    @Test
    void errorsCarryResultNull() {
        assertJson("{\"result\": null, \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": 5}",
                single(engine, "{\"method\": \"nosuch\", \"params\": [], \"id\": 5}"));
        assertJson("{\"result\": null, \"error\": {\"code\": 42, \"message\": \"refused\", \"data\": [\"why\"]}, \"id\": \"r\"}",
                single(engine, "{\"method\": \"refuse\", \"params\": [], \"id\": \"r\"}"));
        assertJson("{\"result\": null, \"error\": {\"code\": -32603, \"message\": \"Internal error\"}, \"id\": 6}",
                single(engine, "{\"method\": \"crash\", \"params\": [], \"id\": 6}"));
    }

    @Test
    void objectParamsAreInvalidIn1_0() {
        JsonObject answer = single(engine, "{\"method\": \"echo\", \"params\": {\"text\": \"x\"}, \"id\": 7}");
        assertError(-32600, "7", answer);
        assertVersion1(answer);
    }

    @Test
    void missingIdIsInvalidIn1_0() {
        JsonObject answer = single(engine, "{\"method\": \"echo\", \"params\": [\"x\"]}");
        assertError(-32600, "null", answer);
        assertVersion1(answer);
    }

    @Test
    void otherVersionMarkersAreInvalid() {
        JsonObject answer = single(engine, "{\"jsonrpc\": \"1.0\", \"method\": \"echo\", \"params\": [\"x\"], \"id\": 8}");
        assertError(-32600, "8", answer);
        assertEquals("2.0", answer.getString("jsonrpc"));
        answer = single(engine, "{\"jsonrpc\": 2, \"method\": \"echo\", \"params\": [\"x\"], \"id\": 9}");
        assertError(-32600, "9", answer);
        assertEquals("2.0", answer.getString("jsonrpc"));
        answer = single(engine, "{\"jsonrpc\": \"2.0\", \"jsonrpc\": \"2.0\", \"method\": \"echo\", \"params\": [\"x\"], \"id\": 10}");
        assertError(-32600, "10", answer);
    }

    @Test
    void version1AndVersion2MayShareABatch() {
        assertJson("[{\"result\": \"a\", \"error\": null, \"id\": 1}, {\"jsonrpc\": \"2.0\", \"result\": \"b\", \"id\": 2}]",
                Rpc.answer(engine, "[{\"method\": \"echo\", \"params\": [\"a\"], \"id\": 1},"
                        + "{\"jsonrpc\": \"2.0\", \"method\": \"echo\", \"params\": [\"b\"], \"id\": 2}]"));
    }

    private static void assertVersion1(JsonObject answer) {
        assertFalse(answer.containsKey("jsonrpc"), () -> "a 1.0 answer has no jsonrpc: " + answer);
        assertEquals(jakarta.json.JsonValue.NULL, answer.get("result"), () -> "a 1.0 error carries result null: " + answer);
    }
}
