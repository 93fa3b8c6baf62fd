package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/** What the tests share: building an engine over plain services, sending a frame, reading the answer. */
final class Rpc {

    private Rpc() {
    }

    static JsonRpcEngine<PeerConnection> engine(Object... services) {
        return builder(services).build();
    }

    static JsonRpcEngine.Builder<PeerConnection> builder(Object... services) {
        return JsonRpcEngine.<PeerConnection>builder().methods(PlainServices.table(new ServiceModel(List.of()), services));
    }

    /**
     * The answer's text, or {@code null} for none; fails when the engine takes more than five seconds,
     * inside {@code handle} or after it.
     */
    static String send(JsonRpcEngine<?> engine, String frame) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> engine.handle(frame, null).toCompletableFuture().get(5, TimeUnit.SECONDS),
                () -> "no answer to " + abbreviate(frame));
    }

    /** The answer, parsed; fails when there is none. */
    static JsonValue answer(JsonRpcEngine<?> engine, String frame) {
        String text = send(engine, frame);
        assertNotNull(text, () -> "no answer to " + abbreviate(frame));
        return parse(text);
    }

    /** The single answer as an object; fails when there is none or it is a batch. */
    static JsonObject single(JsonRpcEngine<?> engine, String frame) {
        JsonValue answer = answer(engine, frame);
        assertEquals(JsonValue.ValueType.OBJECT, answer.getValueType(), () -> "not a single answer: " + answer);
        return answer.asJsonObject();
    }

    static JsonArray batch(JsonRpcEngine<?> engine, String frame) {
        JsonValue answer = answer(engine, frame);
        assertEquals(JsonValue.ValueType.ARRAY, answer.getValueType(), () -> "not a batch answer: " + answer);
        return answer.asJsonArray();
    }

    static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** Asserts an answer equal, as a JSON value, to the expected text. */
    static void assertJson(String expected, JsonValue actual) {
        assertEquals(parse(expected), actual);
    }

    /** The error object of an answer; fails when the answer is a result. */
    static JsonObject error(JsonObject answer) {
        JsonValue error = answer.get("error");
        if (error == null || error.getValueType() != JsonValue.ValueType.OBJECT) {
            return fail("expected an error, got " + answer);
        }
        return error.asJsonObject();
    }

    static int code(JsonObject answer) {
        return error(answer).getInt("code");
    }

    /** Asserts an error answer with this code and id (as JSON text). */
    static JsonObject assertError(int code, String id, JsonObject answer) {
        assertEquals(code, code(answer), () -> "code of " + answer);
        assertEquals(parse(id), answer.get("id"), () -> "id of " + answer);
        return error(answer);
    }

    static String abbreviate(String frame) {
        return frame.length() <= 200 ? frame : frame.substring(0, 200) + "... (" + frame.length() + " characters)";
    }
}
