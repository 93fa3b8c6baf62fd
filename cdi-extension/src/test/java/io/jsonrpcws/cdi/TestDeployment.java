package io.jsonrpcws.cdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.util.UUID;

/**
 * A Weld SE container holding exactly the given bean classes and the extension, and a way to hand
 * frames to the deployment's engine without a transport. Close it to shut the container down.
 *
 * <p>Discovery is disabled, and with it Weld SE's loading of extensions from
 * {@code META-INF/services}: the extension is registered here once, explicitly
 * ({@link ExtensionRegisteredOnceTest} checks that it is not loaded a second time).
 */
final class TestDeployment implements AutoCloseable {

    private final WeldContainer container;
    private final JsonRpcExtension extension;

    private TestDeployment(WeldContainer container, JsonRpcExtension extension) {
        this.container = container;
        this.extension = extension;
    }

    /** Deploys exactly the classes, with the default settings. */
    static TestDeployment of(Class<?>... beanClasses) {
        JsonRpcExtension extension = new JsonRpcExtension();
        return new TestDeployment(weld(beanClasses).addExtension(extension).initialize(), extension);
    }

    /**
     * Deploys the classes, and {@link InvokerPath.Observed}, with the settings that choose the invoker path;
     * fails unless the services are then called through that path.
     */
    static TestDeployment of(InvokerPath path, Class<?>... beanClasses) {
        JsonRpcExtension extension = new JsonRpcExtension();
        WeldContainer container = weld(beanClasses).addBeanClasses(InvokerPath.Observed.class)
                .addExtension(new SuppliedConfig(path.config())).addExtension(extension).initialize();
        TestDeployment deployment = new TestDeployment(container, extension);
        String observed = deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"path.which\",\"id\":0}");
        if (!observed.contains("\"" + path.name() + "\"")) {
            deployment.close();
            throw new AssertionError("the deployment was to call services through " + path + ", but: " + observed);
        }
        return deployment;
    }

    /** A container of these classes with nothing registered yet, for tests that register it themselves. */
    static Weld weld(Class<?>... beanClasses) {
        return new Weld("jsonrpcws-test-" + UUID.randomUUID())
                .disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addBeanClasses(beanClasses);
    }

    /** Answers one frame as the engine would for a transport, with no connection. */
    String call(String frame) {
        return extension.runtime().engine().handle(frame, null).toCompletableFuture().join();
    }

    WeldContainer container() {
        return container;
    }

    JsonRpcExtension extension() {
        return extension;
    }

    @Override
    public void close() {
        container.shutdown();
    }
}
