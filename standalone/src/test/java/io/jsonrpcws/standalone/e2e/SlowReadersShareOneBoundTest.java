package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.SessionClosed;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that stop reading, each under its own connection's bound ({@code jsonrpcws.max-send-queue}), are bound
 * together by {@code jsonrpcws.max-send-queue-total}: beyond it the connection with the most waiting is closed with
 * 1008, its queue freed, and the server's heap stays bounded while a reading client is still answered.
 */
class SlowReadersShareOneBoundTest {

    private static final int PER_CONNECTION = 16 << 20;
    private static final int TOTAL = 4 << 20;
    private static final int ANSWER_CHARS = 64 * 1024;
    private static final int SLEEPERS = 6;
    /** Per sleeper: enough to fill every buffer on the way many times over, and still a bounded loop. */
    private static final int MAX_CALLS = 2_000;

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

    @Test
    void theLongestQueueIsClosedAndMemoryStaysBounded() throws IOException {
        // Room for every call a sleeper sends: on a loaded machine its frames can outrun the calls, and the pending
        // frames' own bound (1008 "too many calls in flight", seen once) would close it before the queues' bound
        try (JsonRpcServer server = Servers.start(Map.of(
                        "jsonrpcws.max-send-queue", String.valueOf(PER_CONNECTION),
                        "jsonrpcws.max-send-queue-total", String.valueOf(TOTAL),
                        "jsonrpcws.max-pending-frames", String.valueOf(MAX_CALLS)),
                GatedService.class, EchoService.class, Closings.class);
             WsClient bystander = WsClient.connect(server.uri())) {
            Closings closings = Servers.bean(server, Closings.class);
            long before = LiveHeap.bytes();
            List<RawWebSocket> sleepers = new ArrayList<>();
            try {
                for (int s = 0; s < SLEEPERS; s++) {
                    sleepers.add(RawWebSocket.connect(server.uri(), 4096));
                }
                Servers.awaitTrue("every slow reader is registered", () -> Servers.sessions(server).all().size() == SLEEPERS + 1);
                for (RawWebSocket sleeper : sleepers) {
                    try {
                        for (int id = 0; id < MAX_CALLS && closings.all().isEmpty(); id++) {
                            sleeper.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"gate.big\",\"params\":[" + ANSWER_CHARS
                                    + "],\"id\":" + id + "}");
                        }
                    } catch (IOException closedMeanwhile) {
                        // the server may drop the connection while this client still writes
                    }
                }
                Servers.awaitTrue("a slow reader was closed", () -> !closings.all().isEmpty());
                assertEquals("1008 too much waits to be sent", closings.all().get(0),
                        "the server-wide bound, not a connection's own, closed it");
                assertEquals("still here", bystander.resultString("echo.echo", "[\"still here\"]"));
                // the live heap at one instant, by a histogram taken in the collection's own pause: the heap's "used"
                // after System.gc() also counted what the server, still answering, allocated since (41 MB seen once)
                long grown = LiveHeap.bytes() - before;
                System.out.println(getClass().getSimpleName() + ": heap grew by " + grown / 1024 + " KiB with "
                        + (Servers.sessions(server).all().size() - 1) + " of " + SLEEPERS + " slow readers left");
                // each character queued is two bytes; the bound is what the queues may hold together, with room
                // for the frames in flight and the sockets' own buffers
                assertTrue(grown < 4L * TOTAL + (16 << 20), () -> "heap grew by " + grown + " bytes; what the heap holds:\n"
                        + LiveHeap.largest());
            } finally {
                for (RawWebSocket sleeper : sleepers) {
                    sleeper.close();
                }
            }
        }
    }
}
