package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.model.InvocationScope;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

/**
 * Activates, around each call and each connection event, the connection context (bound to the call's
 * connection) and a request context of its own, unless one is active already on the thread.
 */
final class CdiInvocationScope implements InvocationScope {

    private record Token(boolean boundConnection, WebSocketConnection previous,
                         RequestContextController controller, boolean activatedRequest) {
    }

    private final ConnectionContext connections;
    private final Instance<RequestContextController> controllers;

    CdiInvocationScope(ConnectionContext connections, Instance<RequestContextController> controllers) {
        this.connections = connections;
        this.controllers = controllers;
    }

    @Override
    public Object begin(Object connection) {
        boolean bind = connection instanceof WebSocketConnection;
        WebSocketConnection previous = bind ? connections.activate((WebSocketConnection) connection) : null;
        RequestContextController controller = controllers.get();
        boolean activated;
        try {
            activated = controller.activate();
        } catch (RuntimeException e) {
            controllers.destroy(controller);
            if (bind) {
                connections.restore(previous);
            }
            throw e;
        }
        return new Token(bind, previous, controller, activated);
    }

    @Override
    public void end(Object token) {
        Token t = (Token) token;
        try {
            if (t.activatedRequest()) {
                t.controller().deactivate();
            }
        } finally {
            controllers.destroy(t.controller());
            if (t.boundConnection()) {
                connections.restore(t.previous());
            }
        }
    }
}
