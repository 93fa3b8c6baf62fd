package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.staticmethod.Utility;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code @JsonRpcMethod} on a static method fails deployment: service methods are called on the bean. */
class StaticMethodFailsDeploymentTest {

    @Test
    void staticMethodIsRefused() {
        assertEquals(List.of(Utility.class.getName()
                        + "#twice is annotated @JsonRpcMethod but is static; service methods are called on the bean"),
                BrokenDeployment.problems(BrokenDeployment.failure(Utility.class)));
    }
}
