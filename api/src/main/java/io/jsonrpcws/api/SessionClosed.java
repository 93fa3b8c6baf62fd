package io.jsonrpcws.api;

/**
 * The CDI event fired when a WebSocket connection has closed, before its connection-scoped beans are
 * destroyed; the connection context is still active while observers run.
 *
 * @param session the connection, no longer open
 * @param code    the WebSocket close code
 * @param reason  the close reason, possibly empty
 */
public record SessionClosed(JsonRpcSession session, int code, String reason) {
}
