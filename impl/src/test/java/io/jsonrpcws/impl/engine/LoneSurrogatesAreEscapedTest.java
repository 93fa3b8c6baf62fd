package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A lone surrogate cannot be encoded in UTF-8, so a frame holding one would fail in the transport or reach
 * the peer mangled. Wherever one sits in a result, a request's or notification's params or an error's data,
 * the text written holds the JSON escape instead, and reads back as the same string; pairs stay as they are.
 */
class LoneSurrogatesAreEscapedTest {

    /** Lone high, lone low, a low before a high, a high at the very end; and one valid pair. */
    static final String ODD = "a\ud800b\udc00c\ude00\ud83dd\ud83d\ude00e\ud800";

    public record Holder(String text, List<String> list) {
    }

    public static class Odd {
        @JsonRpcMethod
        public String top() {
            return ODD;
        }

        @JsonRpcMethod
        public Holder record() {
            return new Holder(ODD, List.of("x", ODD));
        }

        @JsonRpcMethod
        public Map<String, String> map() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(ODD, ODD);
            return m;
        }

        @JsonRpcMethod
        public JsonValue jsonp() {
            return Json.createObjectBuilder().add(ODD, Json.createValue(ODD)).add("list", Json.createArrayBuilder().add(ODD)).build();
        }

        @JsonRpcMethod
        public List<Object> list() {
            return List.of(ODD, List.of(ODD), Map.of("k", ODD));
        }

        @JsonRpcMethod
        public Holder padded(int n) {
            return new Holder("x".repeat(n) + "\ud83d\ude00" + "\ud800", List.of());
        }

        @JsonRpcMethod
        public void fails() {
            throw new JsonRpcException(-1, "message " + ODD, Map.of(ODD, List.of(ODD)));
        }
    }

    private final JsonRpcEngine<?> engine = Rpc.engine(new Odd());

    private static void assertEncodable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                fail("a lone surrogate at " + i + " of " + text);
            }
        }
    }

    private JsonValue result(String method) {
        String text = send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}");
        assertEncodable(text);
        JsonObject answer = Rpc.parse(text).asJsonObject();
        if (!answer.containsKey("result")) {
            fail(method + " answered " + text);
        }
        return answer.get("result");
    }

    @Test
    void resultsOfEveryShape() {
        assertEquals(Json.createValue(ODD), result("top"));
        JsonObject record = result("record").asJsonObject();
        assertEquals(ODD, record.getString("text"));
        assertEquals(ODD, record.getJsonArray("list").getString(1));
        JsonObject map = result("map").asJsonObject();
        assertEquals(ODD, map.getString(ODD), "key and value");
        JsonObject jsonp = result("jsonp").asJsonObject();
        assertEquals(ODD, jsonp.getString(ODD));
        assertEquals(ODD, jsonp.getJsonArray("list").getString(0));
        var list = result("list").asJsonArray();
        assertEquals(ODD, list.getString(0));
        assertEquals(ODD, list.getJsonArray(1).getString(0));
        assertEquals(ODD, list.getJsonObject(2).getString("k"));
    }

    @Test
    void errorMessageAndData() {
        String text = send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"fails\",\"id\":1}");
        assertEncodable(text);
        JsonObject error = Rpc.error(Rpc.parse(text).asJsonObject());
        assertEquals("message " + ODD, error.getString("message"));
        assertEquals(ODD, error.getJsonObject("data").getJsonArray(ODD).getString(0));
    }

    @Test
    void paramsOfRequestsAndNotifications() {
        List<String> sent = new ArrayList<>();
        OutgoingCalls calls = engine.outgoingCalls(sent::add, Runnable::run, Duration.ofSeconds(5));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(ODD, ODD);
        Object[] params = {ODD, new Holder(ODD, List.of(ODD)), map, Json.createValue(ODD), List.of(ODD)};
        calls.notify("note" + ODD, params);
        calls.request("ask", String.class, Duration.ofSeconds(5), params);
        assertEquals(2, sent.size());
        for (String text : sent) {
            assertEncodable(text);
            JsonObject message = Rpc.parse(text).asJsonObject();
            var p = message.getJsonArray("params");
            assertEquals(ODD, p.getString(0));
            assertEquals(ODD, p.getJsonObject(1).getString("text"));
            assertEquals(ODD, p.getJsonObject(1).getJsonArray("list").getString(0));
            assertEquals(ODD, p.getJsonObject(2).getString(ODD));
            assertEquals(ODD, p.getString(3));
            assertEquals(ODD, p.getJsonArray(4).getString(0));
        }
        assertEquals("note" + ODD, Rpc.parse(sent.get(0)).asJsonObject().getString("method"));
        calls.closed("test over");
    }

    @Test
    void validPairsAreWrittenAsThemselves() {
        String text = send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"id\":1}");
        assertEquals(2, text.split("\ud83d\ude00", -1).length - 1, text);
        assertEquals(10, text.split("\\\\ud800", -1).length - 1 + text.split("\\\\udc00", -1).length - 1
                + text.split("\\\\ude00", -1).length - 1 + text.split("\\\\ud83d", -1).length - 1, text);
    }

    /** JSON-B writes long text in chunks; a pair cut between two chunks is still a pair. */
    @Test
    void pairsAcrossJsonbsChunksStayPairs() {
        for (int n = 0; n < 9000; n += n < 100 || (n > 3900 && n < 4200) || (n > 8000 && n < 8300) ? 1 : 97) {
            String text = send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"padded\",\"params\":[" + n + "],\"id\":1}");
            assertEncodable(text);
            assertEquals(-1, text.indexOf("\\ud83d"), () -> "a pair was escaped: " + text.substring(Math.max(0, text.length() - 80)));
            assertEquals("x".repeat(n) + "\ud83d\ude00\ud800", Rpc.parse(text).asJsonObject().getJsonObject("result").getString("text"));
        }
    }
}
