package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.SessionClosed;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that keeps calling but never reads its answers fills the server's send queue
 * ({@code jsonrpcws.max-send-queue}) once the socket's buffers are full, and is closed with 1008 instead
 * of growing the server's memory; other connections go on.
 */
class ClientThatStopsReadingIsClosedTest {

    private static final int MAX_SEND_QUEUE = 64 * 1024;
    private static final int ANSWER_CHARS = 16 * 1024;
    /** Enough answers to fill every buffer on the way (the kernel's are 4 MiB at most here) many times. */
    private static final int MAX_CALLS = 4_000;

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
    void nonReadingClientIsClosed() throws IOException {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.max-send-queue", String.valueOf(MAX_SEND_QUEUE)),
                GatedService.class, EchoService.class, Closings.class);
             WsClient bystander = WsClient.connect(server.uri());
             RawWebSocket sleeper = RawWebSocket.connect(server.uri(), 4096)) {
            Closings closings = Servers.bean(server, Closings.class);
            int sent = 0;
            try {
                while (sent < MAX_CALLS && closings.all().isEmpty()) {
                    sleeper.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"gate.big\",\"params\":[" + ANSWER_CHARS + "],\"id\":" + sent + "}");
                    sent++;
                }
            } catch (IOException closedMeanwhile) {
                // the server may close the TCP connection while the client still writes
            }
            Servers.awaitTrue("the server closed the connection (" + sent + " calls sent)", () -> !closings.all().isEmpty());
            int calls = sent;
            assertEquals(List.of("1008 peer is not reading"), closings.all(), () -> "after " + calls + " calls");
            assertEquals("still here", bystander.resultString("echo.echo", "[\"still here\"]"));
            assertEquals(1, Servers.sessions(server).all().size(), "only the bystander is left");

            // The close frame waits behind megabytes of answers the client never read, and the server drops
            // the TCP connection with the client's further calls unread, so what the client finds when it
            // reads at last varies from run to run: a reset, the stream ending within or after the answers,
            // or the close frame. Only the last says anything, and it must say 1008.
            String seen;
            try {
                RawWebSocket.Frame last = sleeper.readUntilClose(MAX_CALLS + 1);
                assertTrue(last == null || last.closeCode() == 1008, RawWebSocket.describe(last));
                seen = RawWebSocket.describe(last);
            } catch (IOException cutOff) {
                seen = cutOff.toString();
            }
            System.out.println(getClass().getSimpleName() + ": closed with 1008 after " + calls
                    + " calls; the client, reading at last, found: " + seen);
        }
    }
}
