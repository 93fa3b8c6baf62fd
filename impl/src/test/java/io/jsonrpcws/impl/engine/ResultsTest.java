package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a method returns becomes {@code result}; what JSON-B cannot write becomes -32603. */
class ResultsTest {

    public record Pair(String left, List<Integer> right) {
    }

    /** JSON-B calls the getter, which fails. */
    public static class Unwritable {
        public String getValue() {
            throw new IllegalStateException("secret state");
        }
    }

    public static class Results {
        int calls;

        @JsonRpcMethod
        public void nothing() {
            calls++;
        }

        @JsonRpcMethod
        public String nullString() {
            return null;
        }

        @JsonRpcMethod
        public Pair pair() {
            return new Pair("l", List.of(1, 2));
        }

        @JsonRpcMethod
        public Map<String, LocalDate> dates() {
            return Map.of("d", LocalDate.of(2024, 2, 29));
        }

        @JsonRpcMethod
        public String text() {
            return "\"quoted\"\n\u2028\ud83d\ude00 \ud800";
        }

        @JsonRpcMethod
        public Unwritable unwritable() {
            return new Unwritable();
        }

        @JsonRpcMethod
        public List<Object> partlyUnwritable() {
            return List.of("fine", new Unwritable());
        }
    }

    private final Results results = new Results();
    private final JsonRpcEngine engine = Rpc.engine(results);

    private String call(String method) {
        return send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}");
    }

    @Test
    void voidAnswersResultNull() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}", call("nothing"));
        assertEquals("{\"result\":null,\"error\":null,\"id\":1}", send(engine, "{\"method\":\"nothing\",\"params\":[],\"id\":1}"));
        assertEquals(2, results.calls);
    }

    @Test
    void nullAnswersResultNull() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}", call("nullString"));
    }

    @Test
    void valuesAreWrittenWithJsonb() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"left\":\"l\",\"right\":[1,2]},\"id\":1}", call("pair"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"d\":\"2024-02-29\"},\"id\":1}", call("dates"));
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("\"quoted\"\n\u2028\ud83d\ude00 \ud800",
                Rpc.parse(call("text")).asJsonObject().getString("result"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"\\\"quoted\\\"\\n\u2028\ud83d\ude00 \\ud800\",\"id\":1}", call("text"),
                "a lone surrogate is escaped so that the answer encodes to UTF-8");
    }

    @Test
    void resultsJsonbCannotWriteAreInternalErrors() {
        String internal = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}";
        assertEquals(internal, call("unwritable"));
        assertEquals(internal, call("partlyUnwritable"), "nothing written before the failure is left in the answer");
    }
}
