package io.jsonrpcws.it.contracts;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.it.app.Greeter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Calls over a WebSocket: by position, by name, in a batch, failing; notifications answer nothing. */
public abstract class CallsAreAnsweredContract extends JsonRpcTarget {

    private RpcClient client;

    @BeforeEach
    void connect() {
        client = RpcClient.connect(endpoint());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void positionalParams() {
        JsonObject answer = client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"greeter.add\",\"params\":[2,3],\"id\":1}");
        assertEquals("2.0", answer.getString("jsonrpc"));
        assertEquals(5, answer.getInt("result"));
        assertEquals(1, answer.getInt("id"));
    }

    @Test
    void namedParams() {
        JsonObject answer = client.callForObject(
                "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.hello\",\"params\":{\"name\":\"Ada\"},\"id\":\"a\"}");
        assertEquals("Hello, Ada!", answer.getString("result"));
        assertEquals("a", answer.getString("id"));
    }

    @Test
    void batchIsAnsweredInRequestOrder() {
        JsonArray answers = (JsonArray) client.call("["
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.add\",\"params\":[1,1],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.hello\",\"params\":[\"Bob\"],\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"no.such\",\"id\":3}]");
        assertEquals(3, answers.size(), answers.toString());
        assertEquals(2, answers.getJsonObject(0).getInt("result"));
        assertEquals("Hello, Bob!", answers.getJsonObject(1).getString("result"));
        assertEquals(JsonRpcErrorCodes.METHOD_NOT_FOUND, answers.getJsonObject(2).getJsonObject("error").getInt("code"));
        assertEquals(3, answers.getJsonObject(2).getInt("id"));
    }

    @Test
    void thrownJsonRpcExceptionIsTheError() {
        JsonObject answer = client.callForObject(
                "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.refuse\",\"params\":[\"no\"],\"id\":7}");
        JsonObject error = answer.getJsonObject("error");
        assertEquals(Greeter.REFUSED, error.getInt("code"));
        assertEquals("refused: no", error.getString("message"));
        assertFalse(answer.containsKey("result"));
    }

    @Test
    void unknownMethodAndBadParams() {
        assertEquals(JsonRpcErrorCodes.METHOD_NOT_FOUND, client.callForObject(
                "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.nothing\",\"id\":1}").getJsonObject("error").getInt("code"));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, client.callForObject(
                "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.add\",\"params\":[\"x\",1],\"id\":2}").getJsonObject("error").getInt("code"));
        assertEquals(JsonRpcErrorCodes.PARSE_ERROR, client.callForObject("{not json").getJsonObject("error").getInt("code"));
    }

    @Test
    void notificationIsNotAnswered() {
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"greeter.ping\"}");
        JsonObject answer = client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"greeter.add\",\"params\":[4,4],\"id\":9}");
        assertEquals(9, answer.getInt("id"), "the notification was answered: " + answer);
    }

    @Test
    void version1Call() {
        JsonObject answer = client.callForObject("{\"method\":\"greeter.add\",\"params\":[20,22],\"id\":1}");
        assertEquals(42, answer.getInt("result"));
        assertEquals(jakarta.json.JsonValue.NULL, answer.get("error"));
    }
}
