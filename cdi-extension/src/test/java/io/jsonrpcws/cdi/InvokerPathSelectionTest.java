package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Weld 6 (CDI 4.1) the extension calls services through CDI invokers; the setting
 * {@code jsonrpcws.invokers=method-handles} forces method handles ({@link TestDeployment#of} checks from the
 * service's own stack that the path taken is the one asked for). Either way the service answers alike.
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
    void theSettingChoosesThePath(InvokerPath path) {
        try (TestDeployment deployment = TestDeployment.of(path, Echo.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}"));
        }
    }

    @Test
    void anUnknownValueIsRefusedWithTheKeyNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeConfig.builder().set("jsonrpcws.invokers", "reflection").build());
        assertTrue(e.getMessage().contains("jsonrpcws.invokers"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeConfig.builder().set("jsonrpcws.in-ordre", "true").build());
        assertTrue(e.getMessage().contains("jsonrpcws.in-ordre"), e.getMessage());
    }
}
