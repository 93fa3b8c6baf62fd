package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.SessionClosed;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server pings a WebSocket connection from which nothing has arrived for {@code jsonrpcws.ping-interval},
 * and closes it with 1001 once nothing (no frame, no pong) has arrived for {@code jsonrpcws.idle-timeout}:
 * a peer that has gone away, or ignores pings, does not keep its connection. A client that answers the pings
 * keeps its connection however long it says nothing.
 */
class QuietConnectionIsPingedThenClosedWith1001Test {

    private static final int PING_INTERVAL_MS = 100;
    private static final int IDLE_TIMEOUT_MS = 300;
    private static JsonRpcServer server;

    @ApplicationScoped
    public static class Closings {
        private final List<String> closings = new CopyOnWriteArrayList<>();

        void closed(@Observes SessionClosed event) {
            closings.add(event.code() + " " + event.reason());
        }

        List<String> all() {
            return List.copyOf(closings);
        }
    }

    @BeforeAll
    static void startServer() {
        server = Servers.start(Map.of("jsonrpcws.ping-interval", String.valueOf(PING_INTERVAL_MS),
                "jsonrpcws.idle-timeout", String.valueOf(IDLE_TIMEOUT_MS)), EchoService.class, Closings.class);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void peerThatNeverAnswersIsPingedThenClosed() throws IOException {
        Closings closings = Servers.bean(server, Closings.class);
        int before = closings.all().size();
        long opened;
        int pings = 0;
        RawWebSocket.Frame last;
        // from before the handshake: the server's idle time starts when it opens the connection, which is before
        // connect() returns here, so a time taken after connect() may fall short of the idle timeout (299 ms seen)
        opened = System.nanoTime();
        try (RawWebSocket silent = RawWebSocket.connect(server.uri())) {
            while ((last = silent.readFrame()) != null && last.opcode() == RawWebSocket.PING) {
                pings++;
            }
        }
        long closedAfterMs = (System.nanoTime() - opened) / 1_000_000;
        System.out.printf("%s: a peer that never answered got %d pings and was closed after %d ms"
                        + " (ping interval %d ms, idle timeout %d ms)%n",
                getClass().getSimpleName(), pings, closedAfterMs, PING_INTERVAL_MS, IDLE_TIMEOUT_MS);

        assertTrue(last != null && last.opcode() == RawWebSocket.CLOSE, RawWebSocket.describe(last));
        assertEquals(1001, last.closeCode(), RawWebSocket.describe(last));
        assertTrue(pings >= 1, "pinged before being closed");
        assertTrue(closedAfterMs >= IDLE_TIMEOUT_MS, () -> "closed after " + closedAfterMs + " ms");
        // the other test's connection may be torn down meanwhile: its closing is not this one's
        String expected = "1001 nothing received for " + IDLE_TIMEOUT_MS + " ms";
        Servers.awaitTrue("the connection torn down", () -> {
            List<String> all = closings.all();
            return all.subList(before, all.size()).contains(expected) && Servers.sessions(server).all().isEmpty();
        });
    }

    @Test
    void clientThatAnswersPingsStaysConnectedWhileQuiet() throws InterruptedException {
        try (WsClient quiet = WsClient.connect(server.uri())) {
            Thread.sleep(5L * IDLE_TIMEOUT_MS);

            assertTrue(quiet.isOpen(), "still open after five idle timeouts of answering pings only");
            assertEquals("still here", quiet.resultString("echo.echo", "[\"still here\"]"));
        }
    }
}
