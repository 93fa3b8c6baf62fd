package io.jsonrpcws.cdi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs calls on a pool of platform threads, in arrival order; when the pool is stuck (calls wait and none has
 * ended for a {@link #WATCH} period: its threads block), the waiting calls move to threads of their own.
 *
 * <p>Why a pool first: a new virtual thread per call starts with empty per-thread caches (Weld's, Grizzly's, the
 * scopes'), and the load benchmark on one CPU measured it at up to 1.5x the server CPU of a small call, and, at
 * saturation (32 connections with 16 calls each in flight), some calls waiting for seconds (p99.9 of 1 to 4.7 s),
 * where a pool of platform threads, which the kernel shares out evenly, kept them under 0.1 s. Why not the pool
 * alone: a service that blocks would hold every pool thread and make every other connection wait. So a pool
 * busy computing keeps the calls queued (more threads would not make them faster), and a pool whose threads all
 * wait hands the queue over within about two periods.
 */
final class CallPool extends AbstractExecutorService {

    private static final System.Logger LOG = System.getLogger(CallPool.class.getName());

    /** How often the pool is checked for progress. */
    static final long WATCH = 25;

    private final Pool platform;
    private final ExecutorService overflow;
    private final ScheduledExecutorService watch;
    private long endedAtLastWatch;
    private boolean warned;

    /**
     * @param threads         the platform threads at most; idle ones end after a minute
     * @param platformThreads makes them
     * @param overflow        where the calls of a stuck pool go: a virtual thread each on Java 21+
     */
    CallPool(int threads, ThreadFactory platformThreads, ExecutorService overflow) {
        this.overflow = overflow;
        this.platform = new Pool(threads, platformThreads);
        this.watch = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jsonrpcws-pool-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(this::watch, WATCH, WATCH, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        long ended = platform.ended.get();
        boolean stuck = ended == endedAtLastWatch && platform.getActiveCount() == platform.getMaximumPoolSize();
        endedAtLastWatch = ended;
        if (!stuck || platform.getQueue().isEmpty()) {
            return;
        }
        List<Runnable> waiting = new ArrayList<>();
        platform.getQueue().drainTo(waiting);
        if (!warned) {
            warned = true;
            LOG.log(Level.INFO, "JRWS-0107 every one of the " + platform.getMaximumPoolSize() + " call threads has"
                    + " been busy for " + WATCH + " ms without a call ending; calls that wait get threads of their own"
                    + " (logged once)");
        }
        for (Runnable task : waiting) {
            try {
                overflow.execute(task);
            } catch (RejectedExecutionException stopping) {
                task.run();
            }
        }
    }

    @Override
    public void execute(Runnable task) {
        platform.execute(task);
    }

    @Override
    public void shutdown() {
        watch.shutdownNow();
        platform.shutdown();
        overflow.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        watch.shutdownNow();
        List<Runnable> waiting = new ArrayList<>(platform.shutdownNow());
        waiting.addAll(overflow.shutdownNow());
        return waiting;
    }

    @Override
    public boolean isShutdown() {
        return platform.isShutdown() && overflow.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return platform.isTerminated() && overflow.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        return platform.awaitTermination(timeout, unit)
                && overflow.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** A fixed pool that counts the calls it ended. */
    private static final class Pool extends ThreadPoolExecutor {
        final AtomicLong ended = new AtomicLong();

        Pool(int threads, ThreadFactory factory) {
            super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
            allowCoreThreadTimeOut(true);
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            ended.incrementAndGet();
        }
    }
}
