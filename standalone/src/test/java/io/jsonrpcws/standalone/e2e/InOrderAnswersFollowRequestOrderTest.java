package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code jsonrpcws.in-order=true} a connection's calls run one at a time: answers come in request
 * order even when the first call is the slow one, and other connections are not held up.
 */
class InOrderAnswersFollowRequestOrderTest {

    @Test
    void answersComeInRequestOrder() {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.in-order", "true"), GatedService.class);
             WsClient ordered = WsClient.connect(server.uri());
             WsClient other = WsClient.connect(server.uri())) {
            GatedService gate = Servers.bean(server, GatedService.class);
            try {
                ordered.send(GatedService.call("slow", 1, 1));
                for (int id = 2; id <= 6; id++) {
                    ordered.send(GatedService.call("fast", id, id));
                }
                Servers.awaitTrue("the slow call is running", () -> gate.entered() == 1);
                assertEquals(100, other.call(GatedService.call("fast", 100, 100)).getInt("result"),
                        "another connection is answered while the slow call blocks");
            } finally {
                gate.open();
            }

            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(ordered.receiveJson().asJsonObject().getInt("id"));
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 6), ids);
            assertEquals(List.of("fast 100", "slow 1", "fast 2", "fast 3", "fast 4", "fast 5", "fast 6"), gate.log(),
                    "the connection's fast calls ran only after its slow one");
        }
    }
}
