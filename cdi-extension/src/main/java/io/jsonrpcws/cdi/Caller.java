package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.impl.connection.PeerConnection;

/**
 * Who a call of this deployment comes from, as the engine knows it: a WebSocket connection, or one HTTP request.
 * Both carry the caller's identity; only the connection can be called back and has a connection scope.
 */
sealed interface Caller extends PeerConnection permits WebSocketConnection, HttpCaller {

    /** The session services see: the connection's, or the HTTP request's (which cannot be called back). */
    JsonRpcSession session();

    /** The WebSocket connection of the call, or {@code null} for an HTTP request. */
    WebSocketConnection webSocketConnection();
}
