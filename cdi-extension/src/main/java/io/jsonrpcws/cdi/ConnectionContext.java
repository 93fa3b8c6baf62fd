package io.jsonrpcws.cdi;

import io.jsonrpcws.api.ConnectionScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import java.lang.annotation.Annotation;

/**
 * The context of {@link ConnectionScoped}: active on a thread while it works for one connection,
 * bound to that connection's {@link ConnectionStore}. The runtime activates it around each call and
 * each connection event, and invalidates the store when the connection closes.
 */
final class ConnectionContext implements AlterableContext {

    /** Per thread, since a thread works for one connection at a time; not static: one per deployment. */
    private final ThreadLocal<WebSocketConnection> current = new ThreadLocal<>();

    @Override
    public Class<? extends Annotation> getScope() {
        return ConnectionScoped.class;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return store().get(contextual, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return store().get(contextual, null);
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        store().destroy(contextual);
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    /** The connection the current thread works for. */
    WebSocketConnection connection() {
        WebSocketConnection c = current.get();
        if (c == null) {
            throw new ContextNotActiveException("@ConnectionScoped is active only during a WebSocket call or connection event");
        }
        return c;
    }

    /**
     * Binds the context to a connection on this thread.
     *
     * @return the connection bound before, to give back to {@link #restore}
     */
    WebSocketConnection activate(WebSocketConnection connection) {
        WebSocketConnection previous = current.get();
        current.set(connection);
        return previous;
    }

    /** Undoes {@link #activate}. */
    void restore(WebSocketConnection previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }

    private ConnectionStore store() {
        return connection().store();
    }
}
