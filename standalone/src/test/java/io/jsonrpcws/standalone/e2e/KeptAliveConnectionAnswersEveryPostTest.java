package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every POST on a kept-alive connection is answered within two seconds, with its own answer, however its body
 * arrives: with its head, after it (as the JDK's HttpClient sends it), in pieces, or with the next request's head
 * right behind its last piece; and the server goes on serving. A client's pieces are a millisecond apart, so that
 * the server reads them one by one.
 */
class KeptAliveConnectionAnswersEveryPostTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final int CONNECTIONS = 15;
    private static final int ROUNDS = 10;
    private static final long PAUSE_NANOS = 1_000_000;

    /** How a request's bytes are sent. */
    private enum Arrival { WHOLE, BODY_AFTER_HEAD, BODY_IN_PIECES, NEXT_HEAD_BEHIND_BODY }

    @Test
    void everyPostGetsItsOwnAnswerInTime() throws Exception {
        try (JsonRpcServer server = Servers.start(EchoService.class)) {
            for (int c = 0; c < CONNECTIONS; c++) {
                try (Socket socket = RawHttp.open(server)) {
                    socket.setSoTimeout((int) BOUND.toMillis());
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (int round = 0; round < ROUNDS; round++) {
                        for (Arrival arrival : Arrival.values()) {
                            String text = "c" + c + "-r" + round + "-" + arrival;
                            send(out, server, arrival, text);
                            expectAnswer(in, text, arrival);
                            if (arrival == Arrival.NEXT_HEAD_BEHIND_BODY) {
                                expectAnswer(in, text + "-next", arrival);
                            }
                        }
                    }
                }
            }
            // a new connection after all that is served as the first one was
            try (Socket socket = RawHttp.open(server)) {
                socket.setSoTimeout((int) BOUND.toMillis());
                send(socket.getOutputStream(), server, Arrival.WHOLE, "after");
                expectAnswer(new BufferedInputStream(socket.getInputStream()), "after", Arrival.WHOLE);
            }
        }
    }

    private static void send(OutputStream out, JsonRpcServer server, Arrival arrival, String text) throws IOException {
        byte[] head = head(server, body(text));
        byte[] body = body(text);
        switch (arrival) {
            case WHOLE -> write(out, concat(head, body));
            case BODY_AFTER_HEAD -> {
                write(out, head);
                pause();
                write(out, body);
            }
            case BODY_IN_PIECES -> {
                write(out, head);
                pause();
                write(out, slice(body, 0, 10));
                pause();
                write(out, slice(body, 10, body.length));
            }
            case NEXT_HEAD_BEHIND_BODY -> {
                byte[] next = body(text + "-next");
                write(out, head);
                pause();
                write(out, concat(body, head(server, next)));
                pause();
                write(out, next);
            }
        }
    }

    private static void expectAnswer(InputStream in, String text, Arrival arrival) throws IOException {
        RawHttp.Response response;
        try {
            response = RawHttp.read(in);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + BOUND.toSeconds() + " s to " + text + " (" + arrival + ")", e);
        } catch (IOException e) {
            throw new AssertionError("the connection ended instead of answering " + text + " (" + arrival + ")", e);
        }
        assertEquals(200, response.status(), () -> "the status of " + text + " (" + arrival + "): " + response);
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"" + text + "\",\"id\":\"" + text + "\"}", response.body(),
                () -> "the answer to " + text + " (" + arrival + ")");
    }

    private static byte[] body(String text) {
        return ("{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"" + text + "\"],\"id\":\"" + text + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] head(JsonRpcServer server, byte[] body) {
        return ("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The client's pacing, part of the scenario: nothing is awaited. */
    private static void pause() {
        LockSupport.parkNanos(PAUSE_NANOS);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
