package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.impl.model.MethodTable;
import io.jsonrpcws.impl.model.RpcMethod;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's namespace prefixes each of its method names, whether the name is the Java name or given
 * on {@code @JsonRpcMethod} (dots and an inner {@code rpc.} allowed); services without one share the root.
 */
class NamespacedMethodNamesTest {

    @JsonRpcService("calc")
    public static class Calculator {
        @JsonRpcMethod
        public int add(int a, int b) {
            return a + b;
        }

        @JsonRpcMethod("math.sub")
        public int subtract(int a, int b) {
            return a - b;
        }

        @JsonRpcMethod("rpc.ping")
        public String ping() {
            return "pong";
        }
    }

    @JsonRpcService
    public static class Root {
        @JsonRpcMethod
        public int add(int a, int b) {
            return 1000 + a + b;
        }
    }

    @Test
    void namesArePrefixedWithTheServiceNamespace() {
        try (TestDeployment deployment = TestDeployment.of(Calculator.class, Root.class)) {
            Set<String> names = deployment.extension().runtime().engine().methods().methods().stream()
                    .map(RpcMethod::name).collect(Collectors.toSet());
            assertEquals(Set.of("calc.add", "calc.math.sub", "calc.rpc.ping", "add", MethodTable.CANCEL_REQUEST), names);

            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1003,\"id\":2}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":2}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":4,\"id\":3}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.math.sub\",\"params\":[7,3],\"id\":3}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"pong\",\"id\":4}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.rpc.ping\",\"id\":4}"));
            assertTrue(deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"math.sub\",\"params\":[7,3],\"id\":5}")
                    .contains("\"code\":-32601"));
            assertTrue(deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"calc.subtract\",\"params\":[7,3],\"id\":6}")
                    .contains("\"code\":-32601"));
        }
    }
}
