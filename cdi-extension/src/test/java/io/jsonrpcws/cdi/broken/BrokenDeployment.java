package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.JsonRpcExtension;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.weld.environment.se.Weld;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deploys a broken application and returns its one failure. The extension reports its problems as a
 * definition error in {@code AfterBeanDiscovery}; Weld collects the definition errors of the event and
 * throws its {@code DefinitionException} (a {@link DefinitionException}), which carries ours, a
 * {@link DeploymentException}, as its only suppressed exception and repeats its text in its message.
 */
final class BrokenDeployment {

    private BrokenDeployment() {
    }

    /** The message of the extension's one {@link DeploymentException}. */
    static String failure(Class<?>... beanClasses) {
        DefinitionException thrown = assertThrows(DefinitionException.class, () -> weld(beanClasses).initialize().shutdown());
        List<Throwable> ours = Arrays.stream(thrown.getSuppressed())
                .filter(DeploymentException.class::isInstance)
                .toList();
        assertEquals(1, ours.size(), "one deployment failure for the whole application: " + thrown);
        String message = ours.get(0).getMessage();
        assertTrue(message.startsWith("invalid JSON-RPC services:"), message);
        assertTrue(thrown.getMessage().contains(message), thrown.getMessage());
        return message;
    }

    /**
     * The failure of an application whose services are valid but whose other parts the extension refuses
     * once the container has validated the deployment: Weld throws a {@link DeploymentException} then.
     */
    static DeploymentException validationFailure(Class<?>... beanClasses) {
        return assertThrows(DeploymentException.class, () -> weld(beanClasses).initialize().shutdown());
    }

    private static Weld weld(Class<?>... beanClasses) {
        return new Weld("jsonrpcws-broken-" + UUID.randomUUID())
                .disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addBeanClasses(beanClasses)
                .addExtension(new JsonRpcExtension());
    }

    /** The problem lines of a failure message. */
    static List<String> problems(String message) {
        return message.lines().skip(1).map(String::strip).toList();
    }
}
