package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Frames of exactly {@code jsonrpcws.max-message-size} bytes, written back to back in one go, are all
 * answered: the server's reads cut them anywhere, and a read holding the end of one and the start of the
 * next must not overflow the buffer that Tyrus keeps for one frame.
 */
class FramesAtTheLimitBackToBackAreAnsweredTest {

    private static final int LIMIT = 64 * 1024;
    private static final int FRAMES = 32;

    @Test
    void everyFrameIsAnswered() throws IOException {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.max-message-size", String.valueOf(LIMIT)), EchoService.class);
             RawWebSocket ws = RawWebSocket.connect(server.uri())) {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            for (int id = 0; id < FRAMES; id++) {
                frames.writeBytes(ws.frame(RawWebSocket.TEXT, callOfLength(id, LIMIT).getBytes(StandardCharsets.UTF_8)));
            }
            ws.sendRaw(frames.toByteArray());

            Set<Integer> answered = new HashSet<>();
            for (int i = 0; i < FRAMES; i++) {
                RawWebSocket.Frame frame = ws.readFrame();
                if (frame == null || frame.opcode() != RawWebSocket.TEXT) {
                    throw new AssertionError("after " + answered.size() + " answers: " + RawWebSocket.describe(frame));
                }
                answered.add(WsClient.parse(frame.text()).asJsonObject().getInt("id") - 1000);
            }
            assertEquals(FRAMES, answered.size());
        }
    }

    /** A call to echo with this id whose frame is exactly {@code bytes} long. */
    private static String callOfLength(int id, int bytes) {
        String head = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"id\":" + (1000 + id) + ",\"params\":[\"";
        String tail = "\"]}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }
}
