package io.jsonrpcws.testkit;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.examples.Calculator;
import org.junit.jupiter.api.Test;

import java.net.URI;

/**
 * With frames running in parallel (the default), the client's calls are answered while the service is
 * blocked, and the client answers the service only after getting them: both ways at once on one connection.
 */
@JsonRpcTest(services = {BlockedServiceGetsItsClientsAnswerTest.Blocker.class, Calculator.class})
class BlockedServiceGetsItsClientsAnswerInParallelTest extends BlockedServiceGetsItsClientsAnswerTest {

    @Test
    void theServiceGetsTheAnswerAndTheCallsAreAnsweredMeanwhile(URI uri) {
        ValueHandler handler = new ValueHandler(true);
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(handler).connect()) {
            assertBlockedServiceIsAnswered(client, handler);
        }
    }
}
