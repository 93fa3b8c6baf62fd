package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.protocol.PeerProtocol;

import io.jsonrpcws.impl.connection.PeerConnection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection whose calls to its peer are kept as the text they would be sent as. */
final class Peer implements PeerConnection {

    final List<String> sent = new CopyOnWriteArrayList<>();
    private final OutgoingCalls calls;

    Peer(JsonRpcEngine<PeerConnection> engine, PeerProtocol protocol) {
        calls = engine.outgoingCalls(sent::add, Runnable::run, Duration.ofSeconds(5), protocol);
    }

    @Override
    public OutgoingCalls outgoingCalls() {
        return calls;
    }

    @Override
    public void close(int code, String reason) {
    }

    /** Runs a frame from the peer on this connection; returns the answer or {@code null}. */
    String receive(JsonRpcEngine<PeerConnection> engine, String frame) {
        return engine.handle(frame, this).toCompletableFuture().join();
    }
}
