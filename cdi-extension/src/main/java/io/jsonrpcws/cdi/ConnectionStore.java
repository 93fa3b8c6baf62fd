package io.jsonrpcws.cdi;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection-scoped instances of one connection. Lookups are lock-free; creation is serialized per
 * connection so that concurrent calls of one connection never create a bean twice.
 */
final class ConnectionStore {

    private static final System.Logger LOG = System.getLogger(ConnectionStore.class.getName());

    private record Entry<T>(Contextual<T> contextual, T instance, CreationalContext<T> creationalContext) {
        void destroy() {
            contextual.destroy(instance, creationalContext);
        }
    }

    private final Map<Contextual<?>, Entry<?>> instances = new ConcurrentHashMap<>();
    private boolean destroyed;

    @SuppressWarnings("unchecked")
    <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        Entry<T> entry = (Entry<T>) instances.get(contextual);
        if (entry != null) {
            return entry.instance();
        }
        if (creationalContext == null) {
            return null;
        }
        synchronized (this) {
            entry = (Entry<T>) instances.get(contextual);
            if (entry == null) {
                if (destroyed) {
                    throw new IllegalStateException("the connection is closed; its connection-scoped beans are destroyed");
                }
                entry = new Entry<>(contextual, contextual.create(creationalContext), creationalContext);
                instances.put(contextual, entry);
            }
            return entry.instance();
        }
    }

    void destroy(Contextual<?> contextual) {
        Entry<?> entry;
        synchronized (this) {
            entry = instances.remove(contextual);
        }
        if (entry != null) {
            entry.destroy();
        }
    }

    /**
     * Destroys every instance; later look-ups fail. The instances stay visible until all are destroyed, so a
     * {@code @PreDestroy} may still use the connection's other beans, its {@code JsonRpcSession} included.
     */
    void destroyAll() {
        List<Entry<?>> all;
        synchronized (this) {
            destroyed = true;
            all = new ArrayList<>(instances.values());
        }
        for (Entry<?> entry : all) {
            try {
                entry.destroy();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "destroying a connection-scoped bean failed", e);
            }
        }
        instances.clear();
    }
}
