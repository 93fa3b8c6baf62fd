package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * On Weld 6 (CDI 4.1) the extension calls services through CDI invokers; the system property
 * {@code jsonrpcws.cdi.invokers=method-handles}, read when the extension is constructed, forces method
 * handles. Either way the service answers alike.
 */
class InvokerPathSelectionTest {

    @JsonRpcService
    public static class Echo {
        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }
    }

    @ParameterizedTest
    @EnumSource(InvokerPath.class)
    void systemPropertyChoosesThePath(InvokerPath path) {
        try (TestDeployment deployment = TestDeployment.of(path, Echo.class)) {
            assertNull(System.getProperty(InvokerPath.PROPERTY), "the property is set only around the constructor");
            assertEquals(path.usesCdiInvokers(), deployment.extension().usesCdiInvokers());
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}"));
        }
    }
}
