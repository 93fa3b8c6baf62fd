package io.jsonrpcws.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.util.Set;

/**
 * The runtime's life in a WAR. When the web application starts, it logs the startup line with the path a client
 * uses (the context root included) and warns of the application's customising classes that are not beans. When the
 * WAR is being undeployed, it stops the runtime gracefully (see {@link JsonRpcRuntime#stop()}): the calls in flight
 * are answered, then every connection is closed with 1001. The extension's {@code BeforeShutdown} comes too late for
 * that: by then the container has closed the WebSocket sessions (Undertow does in its own
 * {@code contextDestroyed}, under a running call), Weld has destroyed the application-scoped beans, and nothing has
 * held the undeployment back, so a running call goes on into an unloaded application and its answer is lost.
 * {@link JsonRpcServletInitializer} registers it after the containers' own listeners; listeners hear of the
 * context's destruction in the reverse order, so this one comes first.
 */
final class JsonRpcContextListener implements ServletContextListener {

    private final Set<Class<?>> customisers;

    /** @param customisers the application's classes that implement or produce what customises the runtime */
    JsonRpcContextListener(Set<Class<?>> customisers) {
        this.customisers = Set.copyOf(customisers);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        JsonRpcRuntime runtime = runtime();
        if (runtime != null) {
            runtime.announce(event.getServletContext().getContextPath() + runtime.config().path(), customisers);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        JsonRpcRuntime runtime = runtime();
        if (runtime != null) {
            runtime.stop();
        }
    }

    /** The deployment's runtime; {@code null} when its deployment failed, or CDI is gone (and stopped it already). */
    private static JsonRpcRuntime runtime() {
        try {
            return CDI.current().getBeanManager().getExtension(JsonRpcExtension.class).runtime();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
