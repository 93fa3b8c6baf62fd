package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * With discovery disabled, Weld SE does not load the extension from {@code META-INF/services}; the tests
 * register it explicitly, and it is then the one instance the container knows.
 */
class ExtensionRegisteredOnceTest {

    @JsonRpcService
    public static class Echo {
        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void notLoadedFromServiceFileWhenDiscoveryIsDisabled() {
        try (WeldContainer container = TestDeployment.weld(Echo.class).initialize()) {
            assertThrows(IllegalArgumentException.class,
                    () -> container.getBeanManager().getExtension(JsonRpcExtension.class));
        }
    }

    @Test
    void registeredInstanceIsTheContainersExtension() {
        try (TestDeployment deployment = TestDeployment.of(Echo.class)) {
            assertSame(deployment.extension(),
                    deployment.container().getBeanManager().getExtension(JsonRpcExtension.class));
            // select() hands out a client proxy of the extension bean; the runtime it leads to is the same
            assertSame(deployment.extension().runtime(),
                    deployment.container().select(JsonRpcExtension.class).get().runtime());
        }
    }
}
