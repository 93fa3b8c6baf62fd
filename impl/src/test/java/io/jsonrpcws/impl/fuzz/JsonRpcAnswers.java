package io.jsonrpcws.impl.fuzz;

import io.jsonrpcws.impl.codec.Limits;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What any answer of the engine must look like, whatever the frame: nothing, or JSON that is one JSON-RPC
 * response (2.0 with result xor error, or 1.0 with result, error and id, one of them null) or a non-empty
 * array of them; error codes are ints; the error's {@code message} and {@code data} name no Java class and
 * carry no stack trace, unless the frame itself held that text (a method name or a param echoed back is the
 * caller's own text).
 *
 * <p>Shared with standalone's fuzz test of the HTTP endpoint through impl's test-jar.
 *
 * <p>Beyond the shape: a frame that is not JSON is always answered, and a single request whose
 * {@code method} is a string and whose {@code id} is a string or a number is answered with that id, in
 * its version, unless it is refused whole for a {@code Limits} value.
 */
public final class JsonRpcAnswers {

    private static final Set<String> V2_MEMBERS = Set.of("jsonrpc", "result", "error", "id");
    private static final Set<String> V1_MEMBERS = Set.of("result", "error", "id");
    private static final Set<String> ERROR_MEMBERS = Set.of("code", "message", "data");

    /** Java internals a client must never see: qualified names, exception types, inner classes, stack frames. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|jdk|com|org|io|net)\\.[a-z_$][\\w$]*(?:\\.[\\w$]+)*"
                    + "|\\b[A-Z][\\w$]*(?:Exception|Error)\\b"
                    + "|\\b[A-Z][\\w]*\\$[\\w$]+"
                    + "|\\bat [\\w$.<>]+\\([\\w$]*(?:\\.java:\\d+)?\\)"
                    + "|\\n\\s*at ");

    private JsonRpcAnswers() {
    }

    /**
     * Asserts that {@code answer} is a valid answer to {@code frame}.
     *
     * @param answer the engine's answer, {@code null} for none
     */
    public static void assertValid(String frame, String answer) {
        JsonValue request = parseOrNull(frame);
        if (answer == null) {
            assertNotNull(request, "a frame that is not JSON got no answer");
            assertTrue(request.getValueType() == JsonValue.ValueType.OBJECT
                            || request.getValueType() == JsonValue.ValueType.ARRAY && !request.asJsonArray().isEmpty(),
                    "a frame that is neither an object nor a non-empty array got no answer");
            return;
        }
        JsonValue parsed = parseOrNull(answer);
        assertNotNull(parsed, () -> "the answer is not JSON: " + abbreviate(answer));
        List<String> frameTexts = texts(frame, request);
        if (parsed.getValueType() == JsonValue.ValueType.ARRAY) {
            assertTrue(request != null && request.getValueType() == JsonValue.ValueType.ARRAY,
                    () -> "a batch answer to a frame that is not a batch: " + abbreviate(answer));
            assertTrue(!parsed.asJsonArray().isEmpty(), "an empty batch answer");
            assertTrue(parsed.asJsonArray().size() <= request.asJsonArray().size(),
                    () -> "more answers than messages: " + abbreviate(answer));
            for (JsonValue each : parsed.asJsonArray()) {
                assertEquals(JsonValue.ValueType.OBJECT, each.getValueType(), () -> "a batch answer holds " + each);
                assertResponse(each.asJsonObject(), frameTexts);
            }
            return;
        }
        assertEquals(JsonValue.ValueType.OBJECT, parsed.getValueType(), () -> "the answer is " + abbreviate(answer));
        JsonObject response = parsed.asJsonObject();
        assertResponse(response, frameTexts);
        assertSameIdAndVersion(frame, response);
    }

    private static void assertResponse(JsonObject r, List<String> frameTexts) {
        boolean v2 = r.containsKey("jsonrpc");
        if (v2) {
            assertEquals(Json.createValue("2.0"), r.get("jsonrpc"), () -> "jsonrpc of " + r);
            assertTrue(V2_MEMBERS.containsAll(r.keySet()), () -> "unexpected members in " + r);
            assertTrue(r.containsKey("result") ^ r.containsKey("error"), () -> "not result xor error: " + r);
        } else {
            // 1.0: both members always; result null on an error, error null otherwise (a void method's result is null too)
            assertEquals(V1_MEMBERS, r.keySet(), () -> "a 1.0 response has result, error and id: " + r);
            assertTrue(r.isNull("result") || r.isNull("error"), () -> "both result and error in 1.0: " + r);
        }
        assertTrue(r.containsKey("id"), () -> "no id in " + r);
        JsonValue.ValueType idType = r.get("id").getValueType();
        assertTrue(idType == JsonValue.ValueType.STRING || idType == JsonValue.ValueType.NUMBER
                || idType == JsonValue.ValueType.NULL, () -> "the id of " + r);
        JsonValue error = r.get("error");
        if (error != null && error.getValueType() != JsonValue.ValueType.NULL) {
            assertError(error, frameTexts);
        }
    }

    private static void assertError(JsonValue value, List<String> frameTexts) {
        assertEquals(JsonValue.ValueType.OBJECT, value.getValueType(), () -> "error is " + value);
        JsonObject error = value.asJsonObject();
        assertTrue(ERROR_MEMBERS.containsAll(error.keySet()), () -> "unexpected members in " + error);
        assertTrue(error.get("code") instanceof JsonNumber n && n.isIntegral() && fitsInt(n), () -> "code of " + error);
        assertTrue(error.get("message") instanceof JsonString, () -> "message of " + error);
        assertNoLeak(error.getString("message"), frameTexts);
        if (error.containsKey("data")) {
            assertNoLeak(error.get("data").toString(), frameTexts);
        }
    }

    private static boolean fitsInt(JsonNumber n) {
        try {
            n.intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static void assertNoLeak(String text, List<String> frameTexts) {
        Matcher m = LEAK.matcher(text);
        while (m.find()) {
            String found = m.group();
            if (frameTexts.stream().noneMatch(t -> t.contains(found))) {
                fail("the error names Java internals (" + found + "): " + abbreviate(text));
            }
        }
    }

    /**
     * A request object with a string method and a string or number id is answered with that id and in its
     * version: 2.0 when it says {@code "jsonrpc":"2.0"}, 1.0 when it has no {@code jsonrpc}. Skipped for
     * frames with a member given twice (which of them counts is the engine's choice) and for refusals of
     * the whole frame beyond a limit, which come before the id is read.
     */
    private static void assertSameIdAndVersion(String frame, JsonObject response) {
        JsonValue request = parseOrNull(frame);
        if (request == null || request.getValueType() != JsonValue.ValueType.OBJECT || duplicateMember(frame)) {
            return;
        }
        JsonObject o = request.asJsonObject();
        JsonValue id = o.get("id");
        if (!(o.get("method") instanceof JsonString) || !(id instanceof JsonString || id instanceof JsonNumber)
                || isLimitRefusal(response)) {
            return;
        }
        assertEquals(id, response.get("id"), () -> "the answer's id differs from the request's: " + response);
        JsonValue version = o.get("jsonrpc");
        if (version == null) {
            assertTrue(!response.containsKey("jsonrpc"), () -> "a 1.0 request got a 2.0 answer: " + response);
        } else if (Json.createValue("2.0").equals(version)) {
            assertTrue(response.containsKey("jsonrpc"), () -> "a 2.0 request got a 1.0 answer: " + response);
        }
    }

    private static boolean isLimitRefusal(JsonObject response) {
        return response.isNull("id") && response.get("error") instanceof JsonObject e
                && e.getInt("code", 0) == -32600 && e.get("data") instanceof JsonString d
                && (d.getString().contains("exceeds") || d.getString().contains("at most"));
    }

    /** The frame itself and, when it is JSON, every string and number in it as decoded. */
    private static List<String> texts(String frame, JsonValue parsed) {
        List<String> texts = new ArrayList<>();
        texts.add(frame);
        if (parsed != null) {
            try (JsonParser p = Json.createParser(new StringReader(frame))) {
                while (p.hasNext()) {
                    switch (p.next()) {
                        case KEY_NAME, VALUE_STRING, VALUE_NUMBER -> texts.add(p.getString());
                        default -> {
                        }
                    }
                }
            }
        }
        return texts;
    }

    /**
     * The JSON value of the whole text, or {@code null} when it is not exactly one JSON value (trailing
     * content included, which JSON-P's reader would ignore) or holds what JSON-P cannot represent (a nesting
     * deeper than its 1,000 levels, an exponent beyond an int), both far beyond the engine's limits.
     */
    static JsonValue parseOrNull(String text) {
        try (JsonParser p = Json.createParser(new StringReader(text))) {
            p.next();
            JsonValue value = p.getValue();
            return p.hasNext() ? null : value;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a member of the top-level object appears twice. */
    private static boolean duplicateMember(String frame) {
        Set<String> keys = new HashSet<>();
        int depth = 0;
        try (JsonParser p = Json.createParser(new StringReader(frame))) {
            while (p.hasNext()) {
                switch (p.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (depth == 1 && !keys.add(p.getString())) {
                            return true;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return false;
    }

    public static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }
}
