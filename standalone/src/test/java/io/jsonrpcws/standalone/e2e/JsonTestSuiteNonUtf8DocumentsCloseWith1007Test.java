package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The JSONTestSuite documents (test_parsing, MIT, LICENSE in the test resources) whose bytes are not
 * UTF-8, each sent as one text frame: the connection closes with 1007 (inconsistent data), and another
 * connection, open all along, is still answered. The engine's {@code JsonTestSuiteTest} leaves exactly
 * these documents to the transport, so this is where they are checked. A raw socket sends them, since
 * Tyrus will not put bytes that are not UTF-8 in a text frame.
 */
class JsonTestSuiteNonUtf8DocumentsCloseWith1007Test {

    private static final String DIR = "/JSONTestSuite/test_parsing/";

    /** The same names as the engine test's list; the files are copies of the ones in impl's test resources. */
    private static final List<String> NOT_UTF8 = List.of(
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

    private static JsonRpcServer server;
    private static WsClient bystander;

    @BeforeAll
    static void startServer() {
        server = Servers.start(EchoService.class);
        bystander = WsClient.connect(server.uri());
    }

    @AfterAll
    static void stopServer() {
        try {
            bystander.close();
        } finally {
            server.stop();
        }
    }

    static Stream<String> documents() {
        return NOT_UTF8.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void closesWith1007(String name) throws IOException {
        byte[] bytes = read(name);
        // otherwise a 1007 would come from something other than the encoding
        assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)), "the document is UTF-8");

        try (RawWebSocket offender = RawWebSocket.connect(server.uri())) {
            offender.sendFrame(RawWebSocket.TEXT, bytes);

            RawWebSocket.Frame close = offender.readUntilClose(10);
            assertNotNull(close, "the server closed TCP without a close frame");
            assertEquals(1007, close.closeCode(), RawWebSocket.describe(close));
        }
        assertEquals(name, bystander.resultString("echo.echo", "[\"" + name + "\"]"));
    }

    @Test
    void everyListedDocumentIsPresent() {
        assertEquals(25, NOT_UTF8.size());
        assertEquals(12, NOT_UTF8.stream().filter(n -> n.startsWith("n_")).count());
        assertEquals(13, NOT_UTF8.stream().filter(n -> n.startsWith("i_")).count());
        NOT_UTF8.forEach(name -> assertNotNull(getClass().getResource(DIR + name), name));
        assertNotNull(getClass().getResource("/JSONTestSuite/LICENSE"), "the corpus's licence travels with it");
    }

    private static byte[] read(String name) {
        try (InputStream in = JsonTestSuiteNonUtf8DocumentsCloseWith1007Test.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
