package io.jsonrpcws.it.contracts;

import io.jsonrpcws.it.app.Quiz;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A service calls the client with {@code JsonRpcSession.request} while the client's own call is pending;
 * the client answers, and only then is its call answered, with what it said.
 */
public abstract class ServerCallsTheClientContract extends JsonRpcTarget {

    @Test
    void clientAnswersTheServersRequest() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"quiz.ask\",\"params\":[\"6x7?\"],\"id\":\"q1\"}");

            JsonObject request = (JsonObject) RpcClient.parse(client.next());
            assertEquals("2.0", request.getString("jsonrpc"));
            assertEquals(Quiz.CLIENT_METHOD, request.getString("method"));
            assertEquals("6x7?", request.getJsonArray("params").getString(0));
            JsonValue id = request.get("id");
            assertNotEquals(JsonValue.NULL, id, "the server's request must carry an id: " + request);

            client.send("{\"jsonrpc\":\"2.0\",\"result\":\"42\",\"id\":" + id + "}");

            JsonObject answer = (JsonObject) RpcClient.parse(client.next());
            assertEquals("q1", answer.getString("id"));
            assertEquals("the client answered 42", answer.getString("result"));
        }
    }
}
