package io.jsonrpcws.it.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application whose service maps two methods to one name ({@code io.jsonrpcws.it.broken.Clash}) fails
 * deployment, and the failure names both methods.
 */
public abstract class BrokenServiceFailsDeploymentContract {

    /**
     * Deploys the broken application, expecting it to fail, and returns what the target reported: the
     * exception's messages or the server's log. Stops whatever it started.
     */
    protected abstract String deployBrokenApplication() throws Exception;

    @Test
    void failureNamesBothMethods() throws Exception {
        String report = deployBrokenApplication();
        assertTrue(report.contains("both map to"), () -> "the failure does not say what is wrong:\n" + report);
        assertTrue(report.contains("io.jsonrpcws.it.broken.Clash#first"), () -> "first method not named:\n" + report);
        assertTrue(report.contains("io.jsonrpcws.it.broken.Clash#second"), () -> "second method not named:\n" + report);
    }

    /** The messages of an exception and its causes, one a line. */
    protected static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
            if (t.getCause() == t) {
                break;
            }
        }
        return all.toString();
    }
}
