package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.app.TestApp;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;

/**
 * Runs the test application on the standalone runtime, on 127.0.0.1 and a free port, for the tests of one
 * class: the standalone counterpart of an Arquillian deployment.
 */
final class StandaloneServer implements BeforeAllCallback, AfterAllCallback {

    private final Class<?>[] beanClasses;
    private JsonRpcServer server;

    /** The test application. */
    StandaloneServer() {
        this(TestApp.CLASSES.toArray(Class<?>[]::new));
    }

    /** An application of these classes. */
    StandaloneServer(Class<?>... beanClasses) {
        this.beanClasses = beanClasses.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = JsonRpcServer.builder().host("127.0.0.1").port(0)
                .beanClasses(beanClasses)
                .start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    URI endpoint() {
        return server.uri();
    }
}
