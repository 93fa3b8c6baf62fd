package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.benchmarks.BenchService.Customer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.io.StringReader;
import java.util.Map;

/**
 * What users write without a framework: the frame parsed into a JSON-P object, the method chosen by
 * name, an object parameter printed and re-parsed by JSON-B into the record, the answer written by
 * JSON-B and returned to Tyrus on the delivering thread. Factories are created once, as a careful user would.
 */
@ServerEndpoint("/jsonrpc")
public class HandWrittenEndpoint {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** A response; JSON-B writes its properties in lexicographic order. */
    public record Answer(String jsonrpc, Object result, JsonValue id) {
    }

    /** An error response. */
    public record Failure(String jsonrpc, Error error, JsonValue id) {
    }

    /** The error object of a {@link Failure}. */
    public record Error(int code, String message) {
    }

    @OnMessage
    public String onMessage(String text) {
        JsonObject request;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            request = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            return JSONB.toJson(new Failure("2.0", new Error(-32700, "Parse error"), JsonValue.NULL));
        }
        JsonValue id = request.getOrDefault("id", JsonValue.NULL);
        JsonArray params = request.getJsonArray("params");
        Object result;
        switch (request.getString("method", "")) {
            case "echo" -> result = params.getString(0);
            case "echoObject" -> result = JSONB.fromJson(params.get(0).toString(), Customer.class);
            default -> {
                return JSONB.toJson(new Failure("2.0", new Error(-32601, "Method not found"), id));
            }
        }
        return JSONB.toJson(new Answer("2.0", result, id));
    }
}
