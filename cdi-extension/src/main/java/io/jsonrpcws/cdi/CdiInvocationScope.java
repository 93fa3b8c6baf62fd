package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.model.InvocationScope;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activates, around each call and each connection event, the connection context (bound to the call's
 * connection) and a request context of its own, unless one is active already on the thread.
 *
 * <p>Request context controllers are reused: creating one costs the container a bean resolution and
 * observer resolutions (in Weld 6, 10 to 15% of a call's CPU in {@code benchmarks/run-load.sh}). A controller
 * serves one call at a time and goes back to the pool only after a clean {@code deactivate()}; at most
 * {@link #MAX_IDLE} wait there, the others are destroyed as before.
 */
final class CdiInvocationScope implements InvocationScope<Caller> {

    /** Controllers kept for reuse; more concurrent calls than this create and destroy their own. */
    static final int MAX_IDLE = 64;

    private record Token(boolean boundConnection, WebSocketConnection previous,
                         RequestContextController controller, boolean activatedRequest) {
    }

    private final ConnectionContext connections;
    private final Instance<RequestContextController> controllers;
    private final ConcurrentLinkedQueue<RequestContextController> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    CdiInvocationScope(ConnectionContext connections, Instance<RequestContextController> controllers) {
        this.connections = connections;
        this.controllers = controllers;
    }

    @Override
    public Object begin(Caller caller) {
        WebSocketConnection connection = caller == null ? null : caller.webSocketConnection();
        boolean bind = connection != null;
        WebSocketConnection previous = bind ? connections.activate(connection) : null;
        RequestContextController controller = acquire();
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
        boolean clean = false;
        try {
            if (t.activatedRequest()) {
                t.controller().deactivate();
            }
            clean = true;
        } finally {
            if (clean) {
                release(t.controller());
            } else {
                controllers.destroy(t.controller());
            }
            if (t.boundConnection()) {
                connections.restore(t.previous());
            }
        }
    }

    /** Destroys the controllers waiting for reuse; calls that end later destroy their own. */
    void close() {
        closed = true;
        drain();
    }

    private void drain() {
        RequestContextController c;
        while ((c = idle.poll()) != null) {
            controllers.destroy(c);
        }
    }

    private RequestContextController acquire() {
        RequestContextController c = idle.poll();
        if (c == null) {
            return controllers.get();
        }
        idleCount.decrementAndGet();
        return c;
    }

    private void release(RequestContextController c) {
        if (!closed) {
            if (idleCount.incrementAndGet() <= MAX_IDLE) {
                idle.offer(c);
                if (closed) {
                    drain();
                }
                return;
            }
            idleCount.decrementAndGet();
        }
        controllers.destroy(c);
    }
}
