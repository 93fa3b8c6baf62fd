package io.jsonrpcws.impl.connection;

import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.engine.OutgoingCalls;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** A connection that records how it was closed, and whose calls to its peer go where the test says. */
final class RecordingConnection implements PeerConnection {

    final List<String> closings = new CopyOnWriteArrayList<>();
    private volatile OutgoingCalls outgoing;

    void callsThrough(JsonRpcEngine<?> engine, SerialSender sender, Executor completions) {
        outgoing = engine.outgoingCalls(sender::send, completions, Duration.ofSeconds(5));
    }

    @Override
    public OutgoingCalls outgoingCalls() {
        return outgoing;
    }

    @Override
    public void close(int code, String reason) {
        closings.add(code + " " + reason);
    }
}
