package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A call blocked in its method stalls neither another connection's calls nor a later, fast call on its own
 * connection, whose answer therefore comes first.
 */
class SlowCallStallsNoOtherCallTest {

    @Test
    void fastCallsOvertakeTheBlockedOne() {
        try (JsonRpcServer server = Servers.start(GatedService.class);
             WsClient blocked = WsClient.connect(server.uri());
             WsClient other = WsClient.connect(server.uri())) {
            GatedService gate = Servers.bean(server, GatedService.class);
            try {
                blocked.send(GatedService.call("slow", 1, 1));
                Servers.awaitTrue("the slow call is running", () -> gate.entered() == 1);

                blocked.send(GatedService.call("fast", 2, 2));
                assertEquals(2, blocked.receiveJson().asJsonObject().getInt("id"),
                        "the fast call on the same connection is answered while the slow one blocks");
                assertEquals(3, other.call(GatedService.call("fast", 3, 3)).getInt("result"),
                        "another connection is answered while the slow call blocks");
            } finally {
                gate.open();
            }
            assertEquals(1, blocked.receiveJson().asJsonObject().getInt("id"), "the slow call's answer comes last");
            assertEquals(List.of("fast 2", "fast 3", "slow 1"), gate.log());
        }
    }
}
