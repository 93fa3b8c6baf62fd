package io.jsonrpcws.it.contracts;

import io.jsonrpcws.it.app.Introspection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Services are invoked through CDI 4.1 invokers where the container has them (Weld 6: WildFly Preview, the
 * standalone runtime), through method handles on CDI 4.0 (Payara 6, WildFly): the target says which it expects.
 */
public abstract class InvokerPathContract extends JsonRpcTarget {

    /** Whether this target's container has CDI 4.1 invokers. */
    protected abstract boolean expectsCdiInvokers();

    @Test
    void servicesAreInvokedThroughTheContainersBestPath() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertEquals(expectsCdiInvokers() ? Introspection.CDI_INVOKERS : Introspection.METHOD_HANDLES,
                    client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"introspection.invokers\",\"id\":1}")
                            .getString("result"));
        }
    }
}
