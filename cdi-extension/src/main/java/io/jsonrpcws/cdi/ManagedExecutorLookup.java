package io.jsonrpcws.cdi;

import java.util.concurrent.ExecutorService;

/**
 * The one place that uses JNDI: the Jakarta EE default managed executor has a standard JNDI name and no CDI
 * bean in EE 10 containers, so it is looked up, once, at start-up.
 */
final class ManagedExecutorLookup {

    private ManagedExecutorLookup() {
    }

    /** The container's managed executor under this name; {@code null} outside a Jakarta EE container. */
    static ExecutorService find(String jndiName) {
        try {
            Object found = new javax.naming.InitialContext().lookup(jndiName);
            return found instanceof ExecutorService e ? e : null;
        } catch (javax.naming.NamingException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
