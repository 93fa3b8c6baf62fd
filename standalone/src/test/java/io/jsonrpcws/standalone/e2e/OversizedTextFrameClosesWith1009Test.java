package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A text frame longer than {@code jsonrpcws.max-message-size} closes its connection with 1009 (too big);
 * other connections go on, and a frame at the limit is answered. A frame that does not even fit Tyrus's
 * read buffer (the limit plus 1 KiB) is cut off by Tyrus itself, with 1011 "Buffer overflow.": the
 * connection still closes and the others go on, but the code is Tyrus's, and this test pins it so that a
 * change shows.
 */
class OversizedTextFrameClosesWith1009Test {

    private static final int LIMIT = 1024;
    private static JsonRpcServer server;

    @BeforeAll
    static void startServer() {
        server = Servers.start(Map.of("jsonrpcws.max-message-size", String.valueOf(LIMIT)), EchoService.class);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    /** A call to echo whose frame is exactly {@code bytes} long. */
    private static String callOfLength(int bytes) {
        String head = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"id\":1,\"params\":[\"";
        String tail = "\"]}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    @Test
    void frameAtTheLimitIsAnswered() {
        try (WsClient client = WsClient.connect(server.uri())) {
            assertEquals(1, client.call(callOfLength(LIMIT)).getInt("id"));
        }
    }

    @Test
    void frameJustOverTheLimitClosesWith1009() {
        assertEquals(1009, closeCodeAfterSending(callOfLength(LIMIT + 1)));
    }

    @Test
    void multiByteCharactersCountInBytes() {
        // 400 characters of three bytes each: 1,200 bytes in 400 + 60 characters
        assertEquals(1009, closeCodeAfterSending(callOfLength(460).replace("x".repeat(400), "\u20ac".repeat(400))));
    }

    @Test
    void frameBeyondTyrussReadBufferIsClosedByTyrusWith1011() {
        assertEquals(1011, closeCodeAfterSending(callOfLength(256 * LIMIT)));
    }

    private static int closeCodeAfterSending(String frame) {
        try (WsClient bystander = WsClient.connect(server.uri()); WsClient offender = WsClient.connect(server.uri())) {
            offender.send(frame);

            CloseReason reason = offender.awaitClose();
            assertEquals(List.of(), offender.unread(), "the frame was not answered");
            assertEquals("still here", bystander.resultString("echo.echo", "[\"still here\"]"));
            return reason.getCloseCode().getCode();
        }
    }
}
