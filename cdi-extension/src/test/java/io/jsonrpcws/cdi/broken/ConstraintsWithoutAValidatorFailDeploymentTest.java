package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.unvalidated.Greeter;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Service methods with Bean Validation constraints, in a deployment where no validator can be built (the API without
 * a provider), fail deployment naming the method: their constraints would otherwise silently not be enforced.
 */
class ConstraintsWithoutAValidatorFailDeploymentTest {

    @Test
    void constrainedMethodWithoutAProviderIsRefused() {
        DeploymentException failure = BrokenDeployment.validationFailure(Greeter.class);
        String message = String.valueOf(failure.getMessage()) + " " + (failure.getCause() == null ? "" : failure.getCause().getMessage());
        assertTrue(message.contains(Greeter.class.getName() + "#greet has Bean Validation constraints, but no validator could be built"),
                message);
        assertTrue(message.contains("add a provider, such as Hibernate Validator with Expressly, or remove the constraints"), message);
    }
}
