package io.jsonrpcws.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Stops the runtime gracefully (see {@link JsonRpcRuntime#stop()}) as soon as a WAR is being undeployed: the calls in
 * flight are answered, then every connection is closed with 1001. The extension's {@code BeforeShutdown} comes too
 * late for that: by then the container has closed the WebSocket sessions (Undertow does in its own
 * {@code contextDestroyed}, under a running call), Weld has destroyed the application-scoped beans, and nothing has
 * held the undeployment back, so a running call goes on into an unloaded application and its answer is lost.
 * {@link JsonRpcServletInitializer} registers it after the containers' own listeners; listeners hear of the
 * context's destruction in the reverse order, so this one comes first.
 */
final class JsonRpcStopListener implements ServletContextListener {

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        JsonRpcRuntime runtime;
        try {
            runtime = CDI.current().getBeanManager().getExtension(JsonRpcExtension.class).runtime();
        } catch (IllegalStateException e) {
            // no CDI container any more: its BeforeShutdown has stopped the runtime already
            return;
        }
        if (runtime != null) {
            runtime.stop();
        }
    }
}
