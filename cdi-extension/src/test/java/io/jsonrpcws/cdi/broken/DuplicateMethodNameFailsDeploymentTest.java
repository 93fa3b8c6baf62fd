package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.duplicatename.Adder;
import io.jsonrpcws.cdi.broken.duplicatename.OtherAdder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two methods of two services mapped to one JSON-RPC name fail deployment, and the message names both. */
class DuplicateMethodNameFailsDeploymentTest {

    @Test
    void bothMethodsAreNamed() {
        List<String> problems = BrokenDeployment.problems(BrokenDeployment.failure(Adder.class, OtherAdder.class));
        assertEquals(1, problems.size(), problems::toString);
        String problem = problems.get(0);
        assertTrue(problem.contains(Adder.class.getName() + "#add"), problem);
        assertTrue(problem.contains(OtherAdder.class.getName() + "#plus"), problem);
        assertTrue(problem.contains("both map to 'calc.add'"), problem);
    }
}
