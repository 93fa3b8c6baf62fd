package io.jsonrpcws.cdi;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Chooses the executor that runs service calls, once at start-up. */
final class CallExecutors {

    private static final System.Logger LOG = System.getLogger(CallExecutors.class.getName());

    /** The Jakarta EE default managed executor's standard name. */
    private static final String DEFAULT_MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private CallExecutors() {
    }

    /** The executor and whether the runtime owns it (and so shuts it down). */
    record Choice(ExecutorService executor, boolean owned, String description) {
    }

    static Choice choose(String kind) {
        if (kind.equals("auto")) {
            ExecutorService managed = ManagedExecutorLookup.find(DEFAULT_MANAGED_EXECUTOR);
            if (managed != null) {
                return new Choice(managed, false, "the container's " + DEFAULT_MANAGED_EXECUTOR);
            }
        }
        if (kind.equals("platform")) {
            return new Choice(platformPool(), true, "a pool of " + poolSize() + " platform threads");
        }
        ExecutorService virtual = virtualThreads();
        if (virtual != null && kind.equals("virtual")) {
            return new Choice(virtual, true, "virtual threads");
        }
        if (kind.equals("virtual")) {
            LOG.log(Level.WARNING, "jsonrpcws.executor=virtual needs Java 21 or newer; using platform threads");
        }
        // on Java 17, the calls of a stuck pool get new platform threads, which end after a minute idle
        ExecutorService overflow = virtual != null ? virtual
                : new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory());
        return new Choice(new CallPool(poolSize(), threadFactory(), overflow), true,
                "a pool of " + poolSize() + " platform threads, and " + (virtual != null ? "virtual" : "new platform")
                        + " threads for the calls it leaves waiting while its threads block");
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21+, found once; the jar targets Java 17. */
    private static ExecutorService virtualThreads() {
        try {
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable absent) {
            return null;
        }
    }

    private static int poolSize() {
        return Math.max(16, Runtime.getRuntime().availableProcessors() * 8);
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "jsonrpcws-call-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static ExecutorService platformPool() {
        int threads = poolSize();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
