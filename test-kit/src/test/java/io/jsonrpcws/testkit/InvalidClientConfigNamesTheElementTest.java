package io.jsonrpcws.testkit;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.examples.Calculator;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A {@link ClientConfig} that cannot be applied fails the test that asks for it, with a message that names the
 * annotated parameter and what is wrong. The broken test classes are nested, not {@code @Nested}: only this test
 * runs them, through the JUnit launcher.
 */
class InvalidClientConfigNamesTheElementTest {

    @JsonRpcTest(services = Calculator.class)
    static class BadTimeout {
        @Test
        void test(@ClientConfig(timeout = "5 seconds") JsonRpcClient client) {
        }
    }

    @JsonRpcTest(services = Calculator.class)
    static class MissingConfigureMethod {
        @Test
        void test(@ClientConfig(configure = "nowhere") JsonRpcClient client) {
        }
    }

    @JsonRpcTest(services = Calculator.class)
    static class InnerHandler {
        class Handler {
        }

        @Test
        void test(@ClientConfig(handlers = Handler.class) JsonRpcClient client) {
        }
    }

    @Test
    void aTimeoutThatIsNoDurationIsNamed() {
        assertEquals("timeout \"5 seconds\" in @ClientConfig of parameter client of " + BadTimeout.class.getName()
                + ".test is not a positive ISO-8601 duration such as \"PT5S\"", failureOf(BadTimeout.class));
    }

    @Test
    void aConfigureMethodThatIsMissingIsNamed() {
        assertEquals("no method nowhere(JsonRpcClient.Builder) in " + MissingConfigureMethod.class.getName()
                + ", its superclasses or enclosing classes, as named in @ClientConfig of parameter client of "
                + MissingConfigureMethod.class.getName() + ".test",
                failureOf(MissingConfigureMethod.class));
    }

    @Test
    void anInnerHandlerClassIsExplained() {
        String failure = failureOf(InnerHandler.class);
        assertEquals("handler " + InnerHandler.Handler.class.getName() + " in @ClientConfig of parameter client of "
                + InnerHandler.class.getName() + ".test has no constructor without parameters (an inner class needs its "
                + "enclosing instance: make it static)", failure);
    }

    /** The message of the one test failure of the class. */
    private static String failureOf(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(testClass)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertEquals(1, summary.getTotalFailureCount(), () -> "failures of " + testClass.getSimpleName() + ": "
                + summary.getFailures().stream().map(f -> String.valueOf(f.getException())).toList());
        return summary.getFailures().get(0).getException().getMessage();
    }
}
