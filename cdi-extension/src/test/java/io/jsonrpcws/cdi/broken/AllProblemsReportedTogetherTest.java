package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.manyproblems.Clock;
import io.jsonrpcws.cdi.broken.manyproblems.Timer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application with several problems, in several classes, is told all of them in one deployment
 * failure: the first problem does not hide the others.
 */
class AllProblemsReportedTogetherTest {

    @Test
    void everyProblemIsInTheOneFailure() {
        String message = BrokenDeployment.failure(Clock.class, Timer.class);
        List<String> problems = BrokenDeployment.problems(message);
        String clock = Clock.class.getName();
        String timer = Timer.class.getName();
        List<String> expected = List.of(
                clock + "#reset is annotated @JsonRpcMethod but is not public",
                clock + "#zone is annotated @JsonRpcMethod but is static",
                clock + "#sort parameter ",
                "type variable T has no concrete type at run time",
                timer + "#start maps to 'rpc.timer'",
                "both map to 'clock.now'");
        for (String part : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(part)), () -> part + " missing from\n" + message);
        }
        String clash = problems.stream().filter(p -> p.contains("both map to")).findFirst().orElseThrow();
        assertTrue(clash.contains(clock + "#now") && clash.contains(timer + "#elapsed"), clash);
        assertEquals(5, problems.size(), message);
    }
}
