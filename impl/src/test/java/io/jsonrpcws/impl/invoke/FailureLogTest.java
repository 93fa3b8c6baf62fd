package io.jsonrpcws.impl.invoke;

import io.jsonrpcws.impl.engine.LogCapture;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failure log's policy, on a clock of its own: each distinct failure once with its stack trace, then
 * one line of count per distinct failure and interval; beyond the remembered number of distinct failures,
 * one count for all the others.
 */
class FailureLogTest {

    private static final String NAME = FailureLogTest.class.getName();
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final AtomicLong clock = new AtomicLong(1_000);

    private FailureLog failureLog(int maxKeys) {
        return new FailureLog(System.getLogger(NAME), clock::get, Duration.ofMinutes(1), maxKeys);
    }

    /** One exception class, thrown at one place of this class per {@code site}. */
    private static RuntimeException thrown(int site) {
        return switch (site) {
            case 0 -> new IllegalStateException("zero");
            case 1 -> new IllegalStateException("one");
            default -> new IllegalStateException("other " + site);
        };
    }

    private static List<String> messages(LogCapture log) {
        return log.records().stream().map(LogRecord::getMessage).toList();
    }

    @Test
    void repeatsAreCountedAndLoggedOncePerInterval() {
        FailureLog failures = failureLog(1_000);
        try (LogCapture log = new LogCapture(NAME)) {
            for (int i = 0; i < 500; i++) {
                failures.failed("svc#a", thrown(0));
                clock.addAndGet(MINUTE / 1_000);
            }
            assertEquals(1, log.records().size(), () -> messages(log).toString());
            assertNotNull(log.records().get(0).getThrown());

            clock.addAndGet(MINUTE);
            failures.failed("svc#a", thrown(0));
            assertEquals(2, log.records().size());
            LogRecord count = log.records().get(1);
            assertNull(count.getThrown());
            assertTrue(count.getMessage().startsWith("JRWS-0302 svc#a failed with java.lang.IllegalStateException at "),
                    count.getMessage());
            assertTrue(count.getMessage().endsWith(" 500 more times in the last 90 s"), count.getMessage());

            failures.failed("svc#a", thrown(0));
            assertEquals(2, log.records().size(), "the next count waits for the next interval");
        }
    }

    @Test
    void distinctMethodsClassesAndSitesAreLoggedEachOnce() {
        FailureLog failures = failureLog(1_000);
        try (LogCapture log = new LogCapture(NAME)) {
            for (int i = 0; i < 3; i++) {
                failures.failed("svc#a", thrown(0));
                failures.failed("svc#a", thrown(1));
                failures.failed("svc#b", thrown(0));
                failures.failed("svc#a", new IllegalArgumentException());
            }
            assertEquals(4, log.withStackTrace(), () -> messages(log).toString());
            assertEquals(4, log.records().size());
        }
    }

    @Test
    void beyondTheRememberedFailuresAllOthersShareOneCount() {
        FailureLog failures = failureLog(10);
        try (LogCapture log = new LogCapture(NAME)) {
            for (int i = 0; i < 10_000; i++) {
                failures.failed("svc#m" + i, thrown(0));
            }
            assertEquals(10, log.withStackTrace());
            assertEquals(11, log.records().size(), () -> messages(log).subList(10, log.records().size()).toString());
            assertTrue(log.records().get(10).getMessage().startsWith("JRWS-0303 more than 10 distinct failures"));

            clock.addAndGet(MINUTE);
            failures.failed("svc#late", thrown(0));
            assertEquals(12, log.records().size());
            assertTrue(log.records().get(11).getMessage().startsWith("JRWS-0304 9990 more failures of other kinds in the last 60 s; "
                    + "the latest: svc#late failed with"), log.records().get(11).getMessage());

            failures.failed("svc#m3", thrown(0));
            assertEquals(13, log.records().size(), "the remembered ones are still counted on their own");
            assertTrue(log.records().get(12).getMessage().startsWith("JRWS-0302 svc#m3 failed"), log.records().get(12).getMessage());
            assertTrue(log.records().get(12).getMessage().endsWith(" 1 more time in the last 60 s"), log.records().get(12).getMessage());
        }
    }
}
