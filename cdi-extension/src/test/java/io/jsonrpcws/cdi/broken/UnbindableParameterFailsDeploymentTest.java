package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.typevariable.Store;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A parameter JSON-B cannot produce (a type variable) fails deployment, naming the method and parameter. */
class UnbindableParameterFailsDeploymentTest {

    @Test
    void typeVariableParameterIsRefused() {
        List<String> problems = BrokenDeployment.problems(BrokenDeployment.failure(Store.class));
        assertEquals(1, problems.size(), problems::toString);
        String problem = problems.get(0);
        assertTrue(problem.startsWith(Store.class.getName() + "#put parameter "), problem);
        assertTrue(problem.contains("of type T cannot be bound from JSON: type variable T has no concrete type at run time"),
                problem);
    }
}
