package io.jsonrpcws.impl.connection;

import io.jsonrpcws.impl.engine.OutgoingCalls;
import io.jsonrpcws.impl.engine.RunningCalls;
import io.jsonrpcws.impl.engine.Subscriptions;

/**
 * One connection to a peer, as the engine knows it: each transport (the server's WebSocket endpoint, the Java
 * client) implements it for its own connections, and the engine, the {@link FrameScheduler} and the
 * {@link SerialSender} work through it. The engine routes the peer's answers to {@link #outgoingCalls()};
 * scheduler and sender end a connection that misbehaves or fails with {@link #close(int, String)}.
 *
 * <p>Implementations are thread-safe.
 */
public interface PeerConnection {

    /** The calls this side awaits answers to on this connection. */
    OutgoingCalls outgoingCalls();

    /**
     * The subscriptions the peer holds on this connection; {@code null} where the transport serves none (then a
     * subscription method is answered with an error).
     */
    default Subscriptions subscriptions() {
        return null;
    }

    /** The peer's calls running on this connection, which it may cancel; {@code null} where it may not. */
    default RunningCalls runningCalls() {
        return null;
    }

    /**
     * Closes the connection with a WebSocket close code and reason; idempotent, never blocks, never throws.
     * Awaited answers then fail with {@code ConnectionClosedException}.
     */
    void close(int code, String reason);

    /** Whether the connection has an authenticated user; {@code false} unless the transport authenticated it. */
    default boolean isAuthenticated() {
        return false;
    }

    /**
     * Whether the connection's user has this role. Transports decide roles when the connection opens (for the
     * roles the application's services name), so this is cheap.
     */
    default boolean isUserInRole(String role) {
        return false;
    }
}
