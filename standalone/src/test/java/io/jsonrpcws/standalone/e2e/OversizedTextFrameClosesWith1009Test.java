package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A text message longer than {@code jsonrpcws.max-message-size} closes its connection with 1009 (too big),
 * whatever its size and whether it comes in one frame or in fragments; other connections go on, and a
 * message at the limit is answered. The server decides on the header of the frame that takes the message
 * over the limit: a client that sends that header and a little of its payload, then waits, is told 1009
 * without sending the rest, so the server never holds more than the limit of it.
 */
class OversizedTextFrameClosesWith1009Test {

    private static final int LIMIT = 1024;
    private static final int MEBIBYTE = 1 << 20;
    private static final long SIXTEEN_MEBIBYTES = 16L << 20;
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
    void fragmentsAtTheLimitAreAnswered() throws IOException {
        byte[] call = callOfLength(LIMIT).getBytes(StandardCharsets.UTF_8);
        try (RawWebSocket ws = RawWebSocket.connect(server.uri())) {
            ws.sendFragment(RawWebSocket.TEXT, Arrays.copyOfRange(call, 0, LIMIT / 2), false);
            ws.sendFragment(RawWebSocket.CONTINUATION, Arrays.copyOfRange(call, LIMIT / 2, LIMIT), true);
            assertEquals(1, WsClient.parse(ws.readText()).asJsonObject().getInt("id"));
        }
    }

    @Test
    void frameOneByteOverTheLimitClosesWith1009() {
        assertEquals(1009, closeCodeAfterSending(callOfLength(LIMIT + 1)));
    }

    @Test
    void multiByteCharactersCountInBytes() {
        // 400 characters of three bytes each: 1,200 bytes in 400 + 60 characters
        assertEquals(1009, closeCodeAfterSending(callOfLength(460).replace("x".repeat(400), "\u20ac".repeat(400))));
    }

    @Test
    void frameAMebibyteOverTheLimitClosesWith1009() {
        assertEquals(1009, closeCodeAfterSending(callOfLength(LIMIT + MEBIBYTE)));
    }

    @Test
    void sixteenMebibyteFrameClosesWith1009() throws Exception {
        assertEquals(1009, closeCodeAfterStreaming(false));
    }

    @Test
    void sixteenMebibyteFrameIsRefusedOnItsHeader() throws IOException {
        assertEquals(1009, closeCodeAfterTheStartOfALongFrame(false));
    }

    @Test
    void fragmentsOneByteOverTheLimitCloseWith1009() throws IOException {
        assertEquals(1009, closeCodeAfterFragments(LIMIT / 2, LIMIT / 2 + 1));
    }

    @Test
    void fragmentsAMebibyteOverTheLimitCloseWith1009() throws IOException {
        assertEquals(1009, closeCodeAfterFragments(LIMIT / 2, MEBIBYTE));
    }

    @Test
    void sixteenMebibyteFragmentClosesWith1009() throws Exception {
        assertEquals(1009, closeCodeAfterStreaming(true));
    }

    @Test
    void sixteenMebibyteFragmentIsRefusedOnItsHeader() throws IOException {
        assertEquals(1009, closeCodeAfterTheStartOfALongFrame(true));
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

    /** Sends a first fragment, then a last one, both of the letter x. */
    private static int closeCodeAfterFragments(int first, int second) throws IOException {
        try (WsClient bystander = WsClient.connect(server.uri()); RawWebSocket offender = RawWebSocket.connect(server.uri())) {
            try {
                offender.sendFragment(RawWebSocket.TEXT, letters(first), false);
                offender.sendFragment(RawWebSocket.CONTINUATION, letters(second), true);
            } catch (IOException closedMeanwhile) {
                // the server may close before the client has written the whole fragment
            }
            int code = closeCode(offender.readUntilClose(1));
            assertEquals("still here", bystander.resultString("echo.echo", "[\"still here\"]"));
            return code;
        }
    }

    /**
     * Sends the header of a 16 MiB frame (after a fragment of half the limit when {@code fragmented}) and a
     * quarter of the limit of its payload, then only reads: the close must come before the rest of the frame.
     */
    private static int closeCodeAfterTheStartOfALongFrame(boolean fragmented) throws IOException {
        try (RawWebSocket offender = RawWebSocket.connect(server.uri())) {
            if (fragmented) {
                offender.sendFragment(RawWebSocket.TEXT, letters(LIMIT / 2), false);
            }
            offender.sendFrameStart(fragmented ? RawWebSocket.CONTINUATION : RawWebSocket.TEXT, SIXTEEN_MEBIBYTES,
                    letters(LIMIT / 4));
            return closeCode(offender.readUntilClose(1));
        }
    }

    /**
     * Streams a whole 16 MiB frame (after a fragment of half the limit when {@code fragmented}) at full speed
     * on one thread while this one reads the answer.
     */
    private static int closeCodeAfterStreaming(boolean fragmented) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (WsClient bystander = WsClient.connect(server.uri()); RawWebSocket offender = RawWebSocket.connect(server.uri())) {
            if (fragmented) {
                offender.sendFragment(RawWebSocket.TEXT, letters(LIMIT / 2), false);
            }
            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> offender.sendLongFrame(
                    fragmented ? RawWebSocket.CONTINUATION : RawWebSocket.TEXT, SIXTEEN_MEBIBYTES, (byte) 'x'), writer);
            int code = closeCode(offender.readUntilClose(1));
            offender.close();
            long sent = written.get(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            System.out.printf("%s: the client wrote %.1f of the 16 MiB before the server's close ended the connection%n",
                    OversizedTextFrameClosesWith1009Test.class.getSimpleName(), sent / 1048576.0);
            assertEquals("still here", bystander.resultString("echo.echo", "[\"still here\"]"));
            return code;
        } finally {
            writer.shutdownNow();
            assertTrue(writer.awaitTermination(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    private static int closeCode(RawWebSocket.Frame close) {
        assertTrue(close != null, "the server ended the connection without a close frame");
        return close.closeCode();
    }

    private static byte[] letters(int count) {
        byte[] letters = new byte[count];
        Arrays.fill(letters, (byte) 'x');
        return letters;
    }
}
