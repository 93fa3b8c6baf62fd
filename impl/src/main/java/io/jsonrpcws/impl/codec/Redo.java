package io.jsonrpcws.impl.codec;

/**
 * Thrown by the fast path when a value turns out, while being written, to be one that only JSON-B can write
 * exactly (a map with a key that is not a string, a number JSON cannot hold, nesting deep enough to be a cycle):
 * what was written of it is dropped and JSON-B writes the whole value again, so that its output, or its failure,
 * is JSON-B's own. Carries no stack trace.
 */
final class Redo extends RuntimeException {

    Redo(String why) {
        super(why, null, false, false);
    }
}
