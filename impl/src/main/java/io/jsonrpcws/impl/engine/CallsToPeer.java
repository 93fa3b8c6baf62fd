package io.jsonrpcws.impl.engine;

/**
 * A connection over which this side also calls its peer: the engine hands the peer's answers found in
 * incoming frames to its {@link OutgoingCalls}. Connections that are not (HTTP requests) drop such answers.
 */
public interface CallsToPeer {

    /** The calls this side awaits answers to on this connection. */
    OutgoingCalls outgoingCalls();
}
