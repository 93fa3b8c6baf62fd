package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.nonpublic.Hidden;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code @JsonRpcMethod} on a method that is not public fails deployment instead of being ignored. */
class NonPublicMethodFailsDeploymentTest {

    @Test
    void nonPublicMethodIsRefused() {
        assertEquals(List.of(Hidden.class.getName() + "#secret is annotated @JsonRpcMethod but is not public"),
                BrokenDeployment.problems(BrokenDeployment.failure(Hidden.class)));
    }
}
