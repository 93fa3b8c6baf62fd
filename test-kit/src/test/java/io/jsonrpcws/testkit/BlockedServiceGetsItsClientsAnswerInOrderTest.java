package io.jsonrpcws.testkit;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.examples.Calculator;
import org.junit.jupiter.api.Test;

import java.net.URI;


/**
 * With {@code jsonrpcws.in-order=true} the client's further calls wait behind the blocked service; its answer
 * does not, so the service completes and then the waiting calls are answered.
 */
@JsonRpcTest(services = {BlockedServiceGetsItsClientsAnswerTest.Blocker.class, Calculator.class},
        properties = "jsonrpcws.in-order=true")
class BlockedServiceGetsItsClientsAnswerInOrderTest extends BlockedServiceGetsItsClientsAnswerTest {

    @Test
    void theServiceGetsTheAnswerWhileTheCallsWait(URI uri) {
        ValueHandler handler = new ValueHandler(false);
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(handler).connect()) {
            assertBlockedServiceIsAnswered(client, handler);
        }
    }
}
