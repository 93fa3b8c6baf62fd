package io.jsonrpcws.impl.fuzz;

import io.jsonrpcws.impl.engine.JsonRpcEngine;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the engine's warnings out of a fuzz run: a service method that fails logs its stack trace, and
 * fuzzing calls it thousands of times a second. The answers, not the log, are what the tests check.
 */
final class EngineLog {

    /** Held so that the level set stays set. */
    private static final Logger LOG = Logger.getLogger(JsonRpcEngine.class.getName());
    private static Level before;

    private EngineLog() {
    }

    static void quiet() {
        before = LOG.getLevel();
        LOG.setLevel(Level.SEVERE);
    }

    static void restore() {
        LOG.setLevel(before);
    }
}
