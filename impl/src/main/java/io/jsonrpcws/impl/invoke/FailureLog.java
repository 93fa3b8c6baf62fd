package io.jsonrpcws.impl.invoke;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logs the failures of service methods without flooding the log: a method that fails on every call would
 * otherwise write a stack trace per call.
 *
 * <p>A distinct failure is a method, an exception class and the place that threw it. Its first occurrence
 * is logged at {@code WARNING} with its stack trace ({@code JRWS-0301}). Later ones are counted, and the
 * count is logged in one line without a stack trace ({@code JRWS-0302}) at most once per interval, by the
 * first occurrence after the interval has passed; a count is therefore logged late or, when the failure stops
 * recurring, not at all. At most {@code maxKeys} distinct failures are remembered; failures beyond are counted
 * together ({@code JRWS-0303} once, then {@code JRWS-0304} at most once per interval), so memory stays
 * bounded whatever the failures. Thread-safe.
 */
final class FailureLog {

    /** How often, at most, each distinct failure's count is logged. */
    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** The most distinct failures remembered. */
    static final int MAX_KEYS = 1_000;

    private record Key(String method, String exception, StackTraceElement site) {
        String describe() {
            return method + " failed with " + exception + (site == null ? "" : " at " + site);
        }
    }

    /** Occurrences not yet logged, and when the last line was logged. */
    private static final class Count {
        final AtomicLong unlogged = new AtomicLong();
        final AtomicLong loggedAt;

        Count(long now) {
            loggedAt = new AtomicLong(now);
        }

        /** Counts one occurrence; returns how many to log now, or 0 while the interval runs. */
        long add(long now, long interval) {
            unlogged.incrementAndGet();
            long last = loggedAt.get();
            if (now - last >= interval && loggedAt.compareAndSet(last, now)) {
                return unlogged.getAndSet(0);
            }
            return 0;
        }
    }

    private final System.Logger log;
    private final LongSupplier nanoTime;
    private final long interval;
    private final int maxKeys;
    private final Map<Key, Count> seen = new ConcurrentHashMap<>();
    private final Count others;
    private final AtomicLong othersStarted = new AtomicLong();
    private volatile Key latestOther;

    FailureLog(System.Logger log) {
        this(log, System::nanoTime, INTERVAL, MAX_KEYS);
    }

    /**
     * @param nanoTime the clock, in nanoseconds
     * @param interval how often, at most, a count is logged per distinct failure
     * @param maxKeys  the most distinct failures remembered
     */
    FailureLog(System.Logger log, LongSupplier nanoTime, Duration interval, int maxKeys) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.interval = interval.toNanos();
        this.maxKeys = maxKeys;
        this.others = new Count(nanoTime.getAsLong());
    }

    /**
     * Logs or counts one failure.
     *
     * @param method the method that failed, as the server's developers know it
     * @param cause  what it threw
     */
    void failed(String method, Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        Key key = new Key(method, cause.getClass().getName(), trace.length == 0 ? null : trace[0]);
        long now = nanoTime.getAsLong();
        Count count = seen.get(key);
        if (count == null) {
            // Two threads may both pass the size check: the map then holds a few more, never unboundedly many.
            if (seen.size() >= maxKeys) {
                other(key, cause, now);
                return;
            }
            count = seen.putIfAbsent(key, new Count(now));
            if (count == null) {
                log.log(Level.WARNING, () -> "JRWS-0301 " + key.describe()
                        + "; logged once with its stack trace, later occurrences are counted", cause);
                return;
            }
        }
        long since = count.loggedAt.get();
        long n = count.add(now, interval);
        if (n > 0) {
            log.log(Level.WARNING, () -> "JRWS-0302 " + key.describe() + " " + n + " more time" + (n == 1 ? "" : "s")
                    + " in the last " + seconds(now - since) + " s");
        }
    }

    private void other(Key key, Throwable cause, long now) {
        latestOther = key;
        if (othersStarted.compareAndSet(0, 1)) {
            others.loggedAt.set(now);
            log.log(Level.WARNING, () -> "JRWS-0303 more than " + maxKeys + " distinct failures; new ones are counted "
                    + "together from now on, without stack traces. This one: " + key.describe() + ": " + cause);
            return;
        }
        long since = others.loggedAt.get();
        long n = others.add(now, interval);
        if (n > 0) {
            Key latest = latestOther;
            log.log(Level.WARNING, () -> "JRWS-0304 " + n + " more failure" + (n == 1 ? "" : "s") + " of other kinds in the last "
                    + seconds(now - since) + " s; the latest: " + latest.describe());
        }
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
