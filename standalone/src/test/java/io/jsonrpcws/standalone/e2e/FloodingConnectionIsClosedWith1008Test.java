package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A connection that sends more frames than {@code jsonrpcws.max-in-flight} plus
 * {@code jsonrpcws.max-pending-frames} while its calls block is closed with 1008; the frames it queued never
 * run, and other connections go on.
 */
class FloodingConnectionIsClosedWith1008Test {

    private static final int MAX_IN_FLIGHT = 2;
    private static final int MAX_PENDING = 4;

    @Test
    void oneFrameTooManyCloses() {
        Map<String, String> limits = Map.of(
                "jsonrpcws.max-in-flight", String.valueOf(MAX_IN_FLIGHT),
                "jsonrpcws.max-pending-frames", String.valueOf(MAX_PENDING));
        try (JsonRpcServer server = Servers.start(limits, GatedService.class);
             WsClient flooder = WsClient.connect(server.uri());
             WsClient bystander = WsClient.connect(server.uri())) {
            GatedService gate = Servers.bean(server, GatedService.class);
            try {
                for (int id = 1; id <= MAX_IN_FLIGHT; id++) {
                    flooder.send(GatedService.call("slow", id, id));
                }
                Servers.awaitTrue("both slow calls running", () -> gate.entered() == MAX_IN_FLIGHT);
                for (int id = MAX_IN_FLIGHT + 1; id <= MAX_IN_FLIGHT + MAX_PENDING + 1; id++) {
                    flooder.send(GatedService.call("fast", id, id));
                }

                CloseReason reason = flooder.awaitClose();
                assertEquals(1008, reason.getCloseCode().getCode(), reason::toString);
                assertEquals(100, bystander.call(GatedService.call("fast", 100, 100)).getInt("result"));
            } finally {
                gate.open();
            }
            Servers.awaitTrue("the slow calls finished", () -> gate.log().size() == 3);
            assertEquals(List.of("fast 100", "slow 1", "slow 2"), gate.log().stream().sorted().toList(),
                    "the queued frames were dropped, never run");
            assertEquals(List.of(), flooder.unread());
        }
    }
}
