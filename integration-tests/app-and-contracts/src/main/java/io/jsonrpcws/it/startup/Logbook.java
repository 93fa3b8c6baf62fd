package io.jsonrpcws.it.startup;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps what jsonrpcws logs while the application deploys, so that a test reads the lines an operator reads in the
 * container's log. A portable extension of the test application: it starts listening before the framework's
 * extension builds the runtime, and stops when the application is undeployed.
 */
public class Logbook implements Extension {

    private static final int MAX_LINES = 200;
    private static final List<String> LINES = new ArrayList<>();

    private final Logger logger = Logger.getLogger("io.jsonrpcws");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (LINES) {
                if (LINES.size() < MAX_LINES) {
                    LINES.add(level(record) + " " + record.getMessage());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** JUL's name of the level: WildFly's log manager names its own levels (WARN for WARNING). */
    private static String level(LogRecord record) {
        int value = record.getLevel().intValue();
        return value >= Level.SEVERE.intValue() ? "SEVERE" : value >= Level.WARNING.intValue() ? "WARNING"
                : value >= Level.INFO.intValue() ? "INFO" : "FINE";
    }

    void open(@Observes BeforeBeanDiscovery event) {
        logger.addHandler(handler);
    }

    void close(@Observes BeforeShutdown event) {
        logger.removeHandler(handler);
    }

    /** The lines logged so far, each {@code LEVEL message}. */
    static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }
}
