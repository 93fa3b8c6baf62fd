package io.jsonrpcws.testkit;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.examples.Calculator;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's JUnit example, as written there. */
@JsonRpcTest(services = Calculator.class)
class ReadmeJUnitExampleTest {

    @Test
    void adds(JsonRpcClient client) throws Exception {
        double sum = client.call("calc.add", Double.class, 1, 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(3.0, sum);
    }
}
