package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON-RPC over a real WebSocket: each kind of message gets the answer the protocol asks for, on the
 * connection it came from.
 */
class CallsAnsweredOverARealSocketTest {

    @JsonRpcService("calc")
    public static class Calc {
        @Inject
        Notes notes;

        @JsonRpcMethod
        public int add(int a, int b) {
            return a + b;
        }

        @JsonRpcMethod
        public int subtract(int minuend, int subtrahend) {
            return minuend - subtrahend;
        }

        /** Meant to be sent as a notification. */
        @JsonRpcMethod
        public void note(String text) {
            notes.add(text);
        }

        /** The notes taken, once there are {@code count} of them. */
        @JsonRpcMethod
        public List<String> notes(int count) throws InterruptedException {
            return notes.await(count);
        }
    }

    @ApplicationScoped
    public static class Notes {
        private final List<String> notes = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch arrived = new CountDownLatch(1);

        void add(String text) {
            notes.add(text);
            arrived.countDown();
        }

        /** Notifications may run after a later call; wait (bounded) for them rather than race. */
        List<String> await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Servers.PATIENCE.toNanos();
            while (notes.size() < count && System.nanoTime() < deadline) {
                arrived.await(100, TimeUnit.MILLISECONDS);
            }
            return List.copyOf(notes);
        }

        void clear() {
            notes.clear();
        }
    }

    private static JsonRpcServer server;
    private WsClient client;

    @BeforeAll
    static void startServer() {
        server = Servers.start(Calc.class, Notes.class);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void connect() {
        client = WsClient.connect(server.uri());
        Servers.bean(server, Notes.class).clear();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void positionalCall() {
        assertEquals(WsClient.parse("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}"),
                client.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}"));
    }

    @Test
    void byNameCall() {
        assertEquals(WsClient.parse("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":\"b\"}"),
                client.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.subtract\","
                        + "\"params\":{\"subtrahend\":23,\"minuend\":42},\"id\":\"b\"}"));
    }

    @Test
    void notificationRunsAndIsNotAnswered() {
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"calc.note\",\"params\":[\"remember me\"]}");
        JsonObject answer = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.notes\",\"params\":[1],\"id\":2}");

        assertEquals(WsClient.parse("{\"jsonrpc\":\"2.0\",\"result\":[\"remember me\"],\"id\":2}"), answer,
                "the later call sees what the notification did, and its answer is the first frame back");
        assertEquals(List.of(), client.unread(), "nothing answered the notification");
    }

    @Test
    void batchIsAnsweredInRequestOrderWithoutItsNotifications() {
        client.send("["
                + "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"calc.note\",\"params\":[\"in a batch\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"calc.subtract\",\"params\":{\"minuend\":5,\"subtrahend\":7},\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"calc.nope\",\"id\":3}"
                + "]");
        JsonArray answers = client.receiveJson().asJsonArray();

        assertEquals(3, answers.size(), answers::toString);
        assertEquals(WsClient.parse("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}"), answers.get(0));
        assertEquals(WsClient.parse("{\"jsonrpc\":\"2.0\",\"result\":-2,\"id\":2}"), answers.get(1));
        assertEquals(-32601, answers.getJsonObject(2).getJsonObject("error").getInt("code"));
        assertEquals(3, answers.getJsonObject(2).getInt("id"));
        assertEquals(List.of("in a batch"),
                client.result("calc.notes", "[1]").asJsonArray().getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        JsonObject answer = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.multiply\",\"params\":[1,2],\"id\":4}");

        assertEquals(-32601, answer.getJsonObject("error").getInt("code"), answer::toString);
        assertEquals(4, answer.getInt("id"));
    }

    @Test
    void illTypedParamIsInvalidParamsWithData() {
        JsonObject answer = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[\"one\",2],\"id\":5}");

        JsonObject error = answer.getJsonObject("error");
        assertEquals(-32602, error.getInt("code"), answer::toString);
        JsonObject data = error.getJsonObject("data");
        assertEquals("a", data.getString("parameter"), answer::toString);
        assertTrue(data.containsKey("problem"), answer::toString);
        assertEquals(5, answer.getInt("id"));
    }

    @Test
    void textThatIsNotJsonIsParseErrorAndTheConnectionStaysUsable() {
        JsonObject answer = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,");

        assertEquals(-32700, answer.getJsonObject("error").getInt("code"), answer::toString);
        assertEquals(JsonValue.NULL, answer.get("id"));
        assertEquals(3, client.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":6}").getInt("result"));
    }

    @Test
    void version1CallIsAnsweredInVersion1() {
        assertEquals(WsClient.parse("{\"result\":7,\"error\":null,\"id\":\"v1\"}"),
                client.call("{\"method\":\"calc.add\",\"params\":[3,4],\"id\":\"v1\"}"));
    }
}
