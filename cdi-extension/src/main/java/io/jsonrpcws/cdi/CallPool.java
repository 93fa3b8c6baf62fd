package io.jsonrpcws.cdi;

import java.lang.System.Logger.Level;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Runs calls on a pool of platform threads, in arrival order; when the pool is stuck (calls wait, none has ended
 * for a {@link #WATCH} period, and fewer of its threads computed over the last {@link #QUIET} periods than there
 * are CPUs: the others block), the waiting calls move to threads of their own.
 *
 * <p>Why a pool first: a new virtual thread per call starts with empty per-thread caches (Weld's, Grizzly's, the
 * scopes'), and the load benchmark on one CPU measured it at up to 1.5x the server CPU of a small call, and, at
 * saturation (32 connections with 16 calls each in flight), some calls waiting for seconds (p99.9 of 1 to 4.7 s),
 * where a pool of platform threads, which the kernel shares out evenly, kept them under 0.1 s. Why not the pool
 * alone: a service that blocks would hold every pool thread and make every other connection wait. So a pool
 * busy computing keeps the calls queued (more threads would not make them faster), and a pool whose threads all
 * wait hands the queue over within a few periods.
 *
 * <p>Why CPU time: a pool whose threads compute on a machine short of CPU (other processes, more runnable threads
 * than cores) also ends no call for a period, and more threads would only add to the crowd; on Java 21+ the overflow
 * is virtual threads, which share as many carriers as there are cores, so a computing task there can keep every
 * other overflowed call from starting. A thread that blocks, in a lock, a sleep or a socket read alike, uses no
 * CPU; threads that compute, however starved, get some within a few periods, and as long as at least as many of
 * them compute as there are CPUs, more threads could not use a CPU that is idle. Where the JVM cannot tell a
 * thread's CPU time, the pool goes by ended calls alone. Periods in which the JVM stood still (a collector's pause,
 * a watch that came late) are not judged.
 */
final class CallPool extends AbstractExecutorService {

    private static final System.Logger LOG = System.getLogger(CallPool.class.getName());

    /** How often the pool is checked for progress. */
    static final long WATCH = 25;
    /** The periods over which a pool thread's CPU time tells whether it computes. */
    static final int QUIET = 3;
    /**
     * CPU a thread uses in {@link #QUIET} periods at most and still counts as waiting: a parked thread, or one in a
     * socket read, uses none; a thread that computes on a machine short of CPU still gets far more.
     */
    private static final long QUIET_CPU_NANOS = 50_000;

    private final Pool platform;
    /** Reads the pool threads' CPU time; {@code null} where the JVM cannot. */
    private final ThreadMXBean cpu;
    /** The CPUs this JVM may use: as many computing threads keep them busy. */
    private final int cpus = Runtime.getRuntime().availableProcessors();
    private final ExecutorService overflow;
    private final ScheduledExecutorService watch;
    private long endedAtLastWatch;
    private long lastWatch = System.nanoTime();
    /** The collectors that stop the JVM (their concurrent cycles left out), and how long they have. */
    private final List<GarbageCollectorMXBean> pauses = pausingCollectors();
    private long pausedAtLastWatch;
    /** Watches in a row whose period the JVM ran through; the watch's alone. */
    private int onTime;
    /** Watches in a row that found the pool stuck: two are needed, so that one unlucky period moves nothing. */
    private int stuckWatches;
    private boolean warned;

    /**
     * @param threads         the platform threads at most; idle ones end after a minute
     * @param platformThreads makes them
     * @param overflow        where the calls of a stuck pool go: a virtual thread each on Java 21+
     */
    CallPool(int threads, ThreadFactory platformThreads, ExecutorService overflow) {
        this.overflow = overflow;
        this.cpu = cpuClock();
        this.platform = new Pool(threads, platformThreads);
        this.watch = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jsonrpcws-pool-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(this::watch, WATCH, WATCH, TimeUnit.MILLISECONDS);
    }

    private static ThreadMXBean cpuClock() {
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isThreadCpuTimeSupported()) {
                if (!threads.isThreadCpuTimeEnabled()) {
                    threads.setThreadCpuTimeEnabled(true);
                }
                return threads;
            }
        } catch (RuntimeException | LinkageError unavailable) {
            // no management here (a restricted runtime): ended calls alone tell
        }
        return null;
    }

    private static List<GarbageCollectorMXBean> pausingCollectors() {
        try {
            List<GarbageCollectorMXBean> pausing = new ArrayList<>();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                // ZGC's and Shenandoah's "... Cycles" run beside the application; their "... Pauses" stop it
                if (!collector.getName().contains("Cycles")) {
                    pausing.add(collector);
                }
            }
            return pausing;
        } catch (RuntimeException | LinkageError unavailable) {
            return List.of();
        }
    }

    private long pausedMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : pauses) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    private void watch() {
        long ended = platform.ended.get();
        long now = System.nanoTime();
        // in a period with a collection's pause, or after which the watch came late (the JVM stood still, or the
        // machine had no CPU for it), the threads' CPU time tells nothing of whether they block
        long paused = pausedMillis();
        boolean stood = paused != pausedAtLastWatch || now - lastWatch > TimeUnit.MILLISECONDS.toNanos(WATCH * 3 / 2);
        onTime = stood ? 0 : onTime + 1;
        pausedAtLastWatch = paused;
        lastWatch = now;
        // read every watch, so that each thread's readings are one period apart
        int computing = platform.computing(cpu, now);
        boolean stuck = ended == endedAtLastWatch && platform.getActiveCount() == platform.getMaximumPoolSize()
                && computing < cpus && onTime >= QUIET && !platform.getQueue().isEmpty();
        endedAtLastWatch = ended;
        stuckWatches = stuck ? stuckWatches + 1 : 0;
        if (stuckWatches < 2) {
            return;
        }
        List<Runnable> waiting = new ArrayList<>();
        platform.getQueue().drainTo(waiting);
        if (!warned) {
            warned = true;
            LOG.log(Level.INFO, "JRWS-0107 every one of the " + platform.getMaximumPoolSize() + " call threads has"
                    + " been busy for " + WATCH + " ms without a call ending, fewer than the " + cpus + " CPUs computing;"
                    + " calls that wait get threads of their own (logged once)");
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

    /** A fixed pool that counts the calls it ended and knows its threads, for the watch. */
    private static final class Pool extends ThreadPoolExecutor {
        final AtomicLong ended = new AtomicLong();
        private final Map<Thread, Watched> threads;

        Pool(int threads, ThreadFactory factory) {
            this(threads, factory, new ConcurrentHashMap<>());
        }

        private Pool(int size, ThreadFactory factory, Map<Thread, Watched> threads) {
            super(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), watched(factory, threads));
            this.threads = threads;
            allowCoreThreadTimeOut(true);
        }

        /** Makes the factory's threads known to the watch while they run. */
        private static ThreadFactory watched(ThreadFactory factory, Map<Thread, Watched> threads) {
            return work -> factory.newThread(() -> {
                Thread self = Thread.currentThread();
                threads.put(self, new Watched());
                try {
                    work.run();
                } finally {
                    threads.remove(self);
                }
            });
        }

        @Override
        protected void beforeExecute(Thread thread, Runnable task) {
            Watched watched = threads.get(thread);
            if (watched != null) {
                watched.taskStarted = System.nanoTime();
            }
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            ended.incrementAndGet();
        }

        /**
         * How many threads in a call have computed (used CPU) over the last {@link #QUIET} periods, or started their
         * call within them; 0 without a CPU clock, so that ended calls alone tell. Called by the watch alone.
         */
        int computing(ThreadMXBean cpu, long now) {
            if (cpu == null) {
                return 0;
            }
            long window = TimeUnit.MILLISECONDS.toNanos(WATCH * QUIET);
            int computing = 0;
            for (Map.Entry<Thread, Watched> entry : threads.entrySet()) {
                @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
                long used = cpu.getThreadCpuTime(entry.getKey().getId());
                if (used >= 0 && entry.getValue().computed(used, now, window)) {
                    computing++;
                }
            }
            return computing;
        }
    }

    /** What the watch knows of one pool thread. */
    private static final class Watched {
        /** When the thread's current call started, by {@link System#nanoTime()}. */
        volatile long taskStarted;
        /** The thread's CPU time at the last {@link #QUIET} watches, oldest first by {@link #next}; the watch's alone. */
        private final long[] cpuAt = new long[QUIET];
        private int next;
        private int seen;

        /** Records this watch's reading; whether the thread used CPU since the oldest one kept, or its call is new. */
        boolean computed(long used, long now, long window) {
            long oldest = cpuAt[next];
            boolean full = seen >= QUIET;
            cpuAt[next] = used;
            next = (next + 1) % QUIET;
            seen++;
            return !full || used - oldest >= QUIET_CPU_NANOS || now - taskStarted < window;
        }
    }
}
