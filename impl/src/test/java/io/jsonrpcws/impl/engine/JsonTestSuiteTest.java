package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.codec.Limits;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every document of Nicolas Seriot's JSONTestSuite (test_parsing, MIT, in the test resources with its
 * LICENSE) sent as one frame. {@code n_} documents are not JSON: one -32700 with id null. {@code y_} are
 * JSON: a JSON answer that is not -32700, usually -32600 since few are requests. {@code i_} may go either
 * way, but the answer must be JSON. Nothing may hang or throw out of {@code handle}.
 *
 * <p>Documents whose bytes are not UTF-8 never reach the engine, which takes a {@code String}: a
 * WebSocket endpoint receiving them in a text frame closes the connection with 1007 (the standalone
 * module's {@code JsonTestSuiteNonUtf8DocumentsCloseWith1007Test} sends these very files). For them this
 * test asserts what it relies on: that a strict decoder refuses their bytes. Every other document must
 * decode, so the list below is exactly the set of non-UTF-8 documents.
 */
class JsonTestSuiteTest {

    public static class Any {
        @JsonRpcMethod
        public Object echo(Object value) {
            return value;
        }
    }

    /** Byte sequences that are not UTF-8; the transport refuses them (close 1007), so no frame carries them. */
    private static final Set<String> NOT_UTF8 = Set.of(
            "i_string_UTF-16LE_with_BOM.json",
            "i_string_UTF-8_invalid_sequence.json",
            "i_string_UTF8_surrogate_U+D800.json",
            "i_string_invalid_utf-8.json",
            "i_string_iso_latin_1.json",
            "i_string_lone_utf8_continuation_byte.json",
            "i_string_not_in_unicode_range.json",
            "i_string_overlong_sequence_2_bytes.json",
            "i_string_overlong_sequence_6_bytes.json",
            "i_string_overlong_sequence_6_bytes_null.json",
            "i_string_truncated-utf-8.json",
            "i_string_utf16BE_no_BOM.json",
            "i_string_utf16LE_no_BOM.json",
            "n_array_a_invalid_utf8.json",
            "n_array_invalid_utf8.json",
            "n_number_invalid-utf-8-in-bigger-int.json",
            "n_number_invalid-utf-8-in-exponent.json",
            "n_number_invalid-utf-8-in-int.json",
            "n_number_real_with_invalid_utf8_after_e.json",
            "n_object_lone_continuation_byte_in_key_and_trailing_comma.json",
            "n_string_invalid-utf-8-in-escape.json",
            "n_string_invalid_utf8_after_escape.json",
            "n_structure_incomplete_UTF8_BOM.json",
            "n_structure_lone-invalid-utf-8.json",
            "n_structure_single_eacute.json");

    /**
     * Invalid documents that are also beyond a {@link Limits} value. The limits are checked first, by a
     * scan that does not parse (so that a 100,000-deep array costs nothing), and answer -32600 naming the
     * limit: the client learns why either way. Parsson itself accepts no {@code n_} document.
     */
    private static final Map<String, String> BEYOND_LIMITS = Map.of(
            "n_object_non_string_key_but_huge_number_instead.json", "a number's exponent exceeds 1000 in magnitude",
            "n_structure_100000_opening_arrays.json", "nesting exceeds the limit of 64 levels",
            "n_structure_open_array_object.json", "nesting exceeds the limit of 64 levels");

    private static final JsonRpcEngine<?> ENGINE = Rpc.engine(new Any());

    static Stream<String> documents() throws IOException, URISyntaxException {
        Path dir = Path.of(JsonTestSuiteTest.class.getResource("/JSONTestSuite/test_parsing").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void document(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(JsonTestSuiteTest.class.getResource("/JSONTestSuite/test_parsing/" + name).toURI()));
        if (NOT_UTF8.contains(name)) {
            assertThrows(CharacterCodingException.class, () -> strictUtf8(bytes),
                    "listed as not UTF-8, so left to the transport (close 1007), yet it decodes");
            return;
        }
        String frame;
        try {
            frame = strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8, and not listed: the engine would never see it", e);
        }
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> ENGINE.handle(frame, null).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertNotNull(answer, "every document is answered");
        JsonValue parsed = Rpc.parse(answer);
        if (BEYOND_LIMITS.containsKey(name)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\""
                    + BEYOND_LIMITS.get(name) + "\"},\"id\":null}", answer);
        } else if (name.startsWith("n_")) {
            JsonObject error = parsed.asJsonObject();
            assertEquals(-32700, Rpc.code(error), answer);
            assertEquals(JsonValue.NULL, error.get("id"), answer);
            assertEquals(3, error.size(), answer);
        } else if (name.startsWith("y_")) {
            assertTrue(parsed instanceof JsonObject o ? Rpc.code(o) != -32700 : parsed.getValueType() == JsonValue.ValueType.ARRAY,
                    () -> "valid JSON answered " + answer);
        }
    }

    /** Malformed input fails instead of becoming U+FFFD, as a WebSocket endpoint must treat it. */
    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    @Test
    void corpusIsComplete() throws Exception {
        List<String> all = documents().toList();
        assertEquals(318, all.size());
        assertEquals(95, all.stream().filter(n -> n.startsWith("y_")).count());
        assertEquals(188, all.stream().filter(n -> n.startsWith("n_")).count());
        assertEquals(35, all.stream().filter(n -> n.startsWith("i_")).count());
        assertTrue(Files.exists(Path.of(JsonTestSuiteTest.class.getResource("/JSONTestSuite/LICENSE").toURI())));
        // a listed name missing from the corpus would otherwise be checked by no case at all
        assertEquals(Set.of(), NOT_UTF8.stream().filter(n -> !all.contains(n)).collect(Collectors.toSet()));
        assertEquals(12, NOT_UTF8.stream().filter(n -> n.startsWith("n_")).count());
        assertEquals(13, NOT_UTF8.stream().filter(n -> n.startsWith("i_")).count());
    }
}
