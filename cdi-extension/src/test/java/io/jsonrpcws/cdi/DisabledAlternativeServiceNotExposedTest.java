package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.enterprise.inject.Alternative;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service that is an alternative nobody enabled is not a bean of the deployment, so its methods are
 * neither callable nor in conflict with the service that claims the same names.
 */
class DisabledAlternativeServiceNotExposedTest {

    @JsonRpcService("clock")
    public static class SystemClock {
        @JsonRpcMethod
        public String now() {
            return "system";
        }
    }

    @Alternative
    @JsonRpcService("clock")
    public static class FixedClock {
        @JsonRpcMethod
        public String now() {
            return "fixed";
        }
    }

    @Test
    void onlyTheEnabledServiceAnswers() {
        try (TestDeployment deployment = TestDeployment.of(SystemClock.class, FixedClock.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"system\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"clock.now\",\"id\":1}"));
        }
    }
}
