package io.jsonrpcws.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task on an idle thread of a small pool of platform threads, and on a new virtual thread when none
 * is idle.
 *
 * <p>Why not a virtual thread per task: a fresh thread starts with empty per-thread caches (Weld's, Grizzly's,
 * the scopes'), and the virtual thread scheduler's carrier parks and wakes around each short call; on one CPU
 * that measured about 1.5x the server CPU of a small call on a warm pool thread. Why not only the pool: a
 * service that blocks would take every pool thread and make every other connection wait. Here a blocking
 * call costs one platform thread while the pool lasts and a virtual thread after that, and short calls run on
 * the warmest pool thread (the idle threads wait last-in first-out).
 */
final class PlatformThenVirtualThreads extends AbstractExecutorService {

    private final ThreadPoolExecutor platform;
    private final ExecutorService virtual;

    /**
     * @param threads the platform threads at most; idle ones end after a minute
     * @param virtual a virtual thread per task, for what the pool cannot take at once
     */
    PlatformThenVirtualThreads(int threads, ThreadFactory platformThreads, ExecutorService virtual) {
        this.virtual = virtual;
        // a synchronous queue hands a task only to a thread waiting for one; otherwise the handler has it
        this.platform = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                platformThreads, (task, pool) -> virtual.execute(task));
        platform.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        platform.execute(task);
    }

    @Override
    public void shutdown() {
        platform.shutdown();
        virtual.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> waiting = new ArrayList<>(platform.shutdownNow());
        waiting.addAll(virtual.shutdownNow());
        return waiting;
    }

    @Override
    public boolean isShutdown() {
        return platform.isShutdown() && virtual.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return platform.isTerminated() && virtual.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        return platform.awaitTermination(timeout, unit)
                && virtual.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
