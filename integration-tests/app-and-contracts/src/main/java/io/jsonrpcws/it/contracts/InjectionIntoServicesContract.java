package io.jsonrpcws.it.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service's injected beans are there when it is called. */
public abstract class InjectionIntoServicesContract extends JsonRpcTarget {

    @Test
    void injectedBeanAnswers() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertEquals("Welcome, Grace", client.callForObject(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"reception.welcome\",\"params\":{\"name\":\"Grace\"},\"id\":1}")
                    .getString("result"));
        }
    }
}
