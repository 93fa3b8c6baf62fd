package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.impl.model.MethodTable;
import io.jsonrpcws.impl.model.RpcMethod;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bean annotated {@code @JsonRpcService} is discovered by the extension and answers calls. */
class ServiceDiscoveredAndCallableTest {

    @JsonRpcService
    public static class Greeter {
        @JsonRpcMethod
        public String greet(String name) {
            return "hello, " + name;
        }
    }

    /** A bean of the deployment that is not a service: none of its methods is callable. */
    public static class NotAService {
        @JsonRpcMethod
        public String hidden() {
            return "never";
        }
    }

    @Test
    void annotatedBeanIsInTheMethodTableAndAnswers() {
        try (TestDeployment deployment = TestDeployment.of(Greeter.class, NotAService.class)) {
            Set<String> names = deployment.extension().runtime().engine().methods().methods().stream()
                    .map(RpcMethod::name).collect(Collectors.toSet());
            assertEquals(Set.of("greet", MethodTable.CANCEL_REQUEST), names);

            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hello, Ada\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[\"Ada\"],\"id\":1}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hello, Bob\",\"id\":2}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"name\":\"Bob\"},\"id\":2}"));
        }
    }
}
