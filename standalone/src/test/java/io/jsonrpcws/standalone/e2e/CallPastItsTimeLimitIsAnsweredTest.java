package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code jsonrpcws.call-timeout}, a call that runs longer is answered with -32012 at the limit, its thread
 * interrupted, and the connection goes on.
 */
class CallPastItsTimeLimitIsAnsweredTest {

    @Test
    void theSlowCallIsAnsweredAtTheLimit() {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.call-timeout", "300", "jsonrpcws.in-order", "true"),
                GatedService.class);
             WsClient client = WsClient.connect(server.uri())) {
            long start = System.nanoTime();
            JsonObject answer = client.call(GatedService.call("slow", 1, 1));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-32012, answer.getJsonObject("error").getInt("code"), answer::toString);
            assertTrue(millis >= 290 && millis < 10_000, "answered after " + millis + " ms");
            Servers.awaitTrue("the slow call was interrupted",
                    () -> Servers.bean(server, GatedService.class).log().contains("slow 1 interrupted"));
            assertEquals(2, client.call(GatedService.call("fast", 2, 2)).getInt("result"), "the connection goes on");
        }
    }
}
