package io.jsonrpcws.cdi;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Set;

/**
 * Registers {@link JsonRpcServlet}, with async support, in a WAR at the endpoint's path ({@code jsonrpcws.path}): POSTs there
 * are JSON-RPC over HTTP, WebSocket upgrades there reach the WebSocket endpoint. Set
 * {@code jsonrpcws.http} to {@code false} to leave HTTP out.
 */
public final class JsonRpcServletInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        RuntimeConfig config = RuntimeConfig.load();
        if (!config.http()) {
            return;
        }
        ServletRegistration.Dynamic servlet = context.addServlet("jsonrpcws", JsonRpcServlet.class);
        if (servlet != null) {
            servlet.setAsyncSupported(true);
            servlet.addMapping(config.path());
        }
    }
}
