package io.jsonrpcws.impl.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects what a logger writes, through {@code java.util.logging}, the backend of {@link System.Logger}
 * when nothing else is installed. Closing it restores the logger.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final boolean parents;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture(String name) {
        logger = Logger.getLogger(name);
        parents = logger.getUseParentHandlers();
        setLevel(Level.ALL);
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    public List<LogRecord> records() {
        return records;
    }

    /** The records with a stack trace. */
    public long withStackTrace() {
        return records.stream().filter(r -> r.getThrown() != null).count();
    }

    /** The characters the default console format would write for all the records. */
    public long characters() {
        SimpleFormatter format = new SimpleFormatter();
        return records.stream().mapToLong(r -> format.format(r).length()).sum();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(parents);
    }
}
