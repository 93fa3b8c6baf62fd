package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code jsonrpcws.in-order=true}, frames refused before they run (not JSON, an unknown method, bad
 * params) are answered in their turn too: none overtakes the slow call sent before it.
 */
class InOrderRefusalsWaitTheirTurnTest {

    @Test
    void refusalsAreAnsweredAfterTheCallsBeforeThem() {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.in-order", "true"), GatedService.class);
             WsClient client = WsClient.connect(server.uri())) {
            GatedService gate = Servers.bean(server, GatedService.class);
            List<String> answers = new ArrayList<>();
            try {
                client.send(GatedService.call("slow", 1, 1));
                Servers.awaitTrue("the slow call is running", () -> gate.entered() == 1);
                client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.nosuch\",\"id\":2}");
                client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.fast\",\"params\":[\"x\"],\"id\":3}");
                client.send("{\"jsonrpc\":\"2.0\",\"method\"");
                client.send(GatedService.call("fast", 5, 5));
            } finally {
                gate.open();
            }
            for (int i = 0; i < 5; i++) {
                answers.add(WsClient.parse(client.receive()).toString());
            }
            assertEquals(List.of("1", "2 -32601", "3 -32602", "null -32700", "5"),
                    answers.stream().map(InOrderRefusalsWaitTheirTurnTest::idAndCode).toList());
        }
    }

    private static String idAndCode(String answer) {
        var json = WsClient.parse(answer).asJsonObject();
        String id = json.get("id").toString();
        return json.containsKey("error") ? id + " " + json.getJsonObject("error").getInt("code") : id;
    }
}
