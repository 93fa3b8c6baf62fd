package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Typed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code @Typed} service whose bean types leave its own class out is called on both invoker paths, normal-scoped
 * (through its client proxy, which implements only the listed types) and {@code @Dependent}.
 */
class TypedServiceIsCalledThroughItsTypesTest {

    public interface Greeter {
        String greet(String name);
    }

    @JsonRpcService("typed")
    @Typed(Greeter.class)
    public static class TypedGreeter implements Greeter {
        @JsonRpcMethod
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    @JsonRpcService("dependent")
    @Dependent
    @Typed(Greeter.class)
    public static class DependentTypedGreeter implements Greeter {
        @JsonRpcMethod
        @Override
        public String greet(String name) {
            return "hi " + name;
        }
    }

    @ParameterizedTest
    @EnumSource(InvokerPath.class)
    void bothAnswer(InvokerPath path) {
        try (TestDeployment deployment = TestDeployment.of(path, TypedGreeter.class, DependentTypedGreeter.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hello ann\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"typed.greet\",\"params\":[\"ann\"],\"id\":1}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hi bob\",\"id\":2}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"dependent.greet\",\"params\":[\"bob\"],\"id\":2}"));
        }
    }
}
