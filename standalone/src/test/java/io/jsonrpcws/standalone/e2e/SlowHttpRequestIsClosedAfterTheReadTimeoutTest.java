package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TCP connection that does not send a whole HTTP request within {@code jsonrpcws.http-read-timeout} of its
 * opening, or of its previous answer, is closed: one that sends nothing, one that sends a request head a byte
 * at a time, one kept alive after its answer. A connection upgraded to WebSocket is not, however long it is
 * quiet, and neither is an HTTP call that takes longer than the timeout to answer.
 */
class SlowHttpRequestIsClosedAfterTheReadTimeoutTest {

    private static final int TIMEOUT_MS = 300;
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"gate.slow\",\"params\":[7],\"id\":1}";
    private static JsonRpcServer server;

    @BeforeAll
    static void startServer() {
        server = Servers.start(Map.of("jsonrpcws.http-read-timeout", String.valueOf(TIMEOUT_MS)),
                EchoService.class, GatedService.class);
    }

    @AfterAll
    static void stopServer() {
        Servers.bean(server, GatedService.class).open();
        server.stop();
    }

    @Test
    void connectionThatSendsNothingIsClosed() throws IOException {
        // timed from before the connection opens: the server's deadline starts when it accepts it, a little later
        long start = System.nanoTime();
        try (Socket socket = connect()) {
            long closedAfterMs = msUntilClosed(socket, null, start);
            report("sending nothing", closedAfterMs);
            assertTrue(closedAfterMs >= TIMEOUT_MS, () -> "closed after " + closedAfterMs + " ms");
        }
    }

    @Test
    void requestHeadSentAByteAtATimeIsClosed() throws IOException {
        // timed from before the connection opens: the server's deadline starts when it accepts it, a little later
        long start = System.nanoTime();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /jsonrpcws.js HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long closedAfterMs = msUntilClosed(socket, out, start);
            report("sending its request head a byte every 20 ms", closedAfterMs);
            assertTrue(closedAfterMs >= TIMEOUT_MS, () -> "closed after " + closedAfterMs + " ms");
        }
    }

    @Test
    void keptAliveConnectionIsClosedAfterItsAnswer() throws Exception {
        try (Socket socket = connect()) {
            // two thirds of the timeout spent before the request: the time kept alive is counted from the answer
            Thread.sleep(2L * TIMEOUT_MS / 3);
            OutputStream out = socket.getOutputStream();
            long sent = System.nanoTime();
            out.write("GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 404"), head);
            skipBody(socket.getInputStream(), head);

            long closedAfterMs = msUntilClosed(socket, null, sent);
            report("kept alive after its answer", closedAfterMs);
            assertTrue(closedAfterMs >= TIMEOUT_MS, () -> "closed " + closedAfterMs + " ms after its request");
        }
    }

    @Test
    void callThatTakesLongerThanTheTimeoutIsAnswered() throws Exception {
        GatedService gate = Servers.bean(server, GatedService.class);
        try (Socket socket = connect()) {
            byte[] body = CALL.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Servers.awaitTrue("the call started", () -> gate.entered() > 0);
            Thread.sleep(3L * TIMEOUT_MS);
            gate.open();

            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}",
                    new String(socket.getInputStream().readNBytes(contentLength(head)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void quietWebSocketConnectionStaysOpen() throws InterruptedException {
        try (WsClient client = WsClient.connect(server.uri())) {
            Thread.sleep(5L * TIMEOUT_MS);

            assertTrue(client.isOpen());
            assertEquals("still here", client.resultString("echo.echo", "[\"still here\"]"));
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) Servers.PATIENCE.toMillis());
        return socket;
    }

    /**
     * Milliseconds from {@code since} until the server closes the connection, polling a read every 20 ms and,
     * when {@code trickle} is given, writing a header byte each time. Fails after {@link Servers#PATIENCE}.
     */
    private static long msUntilClosed(Socket socket, OutputStream trickle, long since) throws IOException {
        socket.setSoTimeout(20);
        InputStream in = socket.getInputStream();
        long deadline = since + Servers.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (trickle != null) {
                    trickle.write('x');
                    trickle.flush();
                }
                if (in.read() < 0) {
                    return (System.nanoTime() - since) / 1_000_000;
                }
            } catch (SocketTimeoutException stillOpen) {
                continue;
            } catch (IOException reset) {
                return (System.nanoTime() - since) / 1_000_000;
            }
        }
        throw new AssertionError("the connection was still open after " + Servers.PATIENCE.toSeconds() + " s");
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the answer's head: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new AssertionError("no Content-Length in " + head);
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        int length = contentLength(head);
        assertEquals(length, in.readNBytes(length).length);
    }

    private void report(String what, long ms) {
        System.out.printf("%s: a connection %s was closed after %d ms (read timeout %d ms)%n",
                getClass().getSimpleName(), what, ms, TIMEOUT_MS);
    }
}
