package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Public methods of a service without {@code @JsonRpcMethod}, its own or inherited, are never callable. */
class OnlyAnnotatedMethodsCallableTest {

    public static class Base {
        @JsonRpcMethod
        public String inherited() {
            return "inherited";
        }

        public String baseHelper() {
            return "base";
        }
    }

    @JsonRpcService
    public static class Account extends Base {
        @JsonRpcMethod
        public int balance() {
            return 42;
        }

        public void reset() {
            throw new AssertionError("reset must not be callable");
        }
    }

    @Test
    void unannotatedMethodsAnswerMethodNotFound() {
        try (TestDeployment deployment = TestDeployment.of(Account.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"balance\",\"id\":1}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"inherited\",\"id\":2}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"inherited\",\"id\":2}"));
            for (String name : new String[] {"reset", "baseHelper", "toString", "hashCode", "getClass"}) {
                assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3}",
                        deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"" + name + "\",\"id\":3}"), name);
            }
        }
    }
}
