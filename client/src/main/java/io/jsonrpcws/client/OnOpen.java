package io.jsonrpcws.client;

/**
 * Sets up what a connection needs before the client's other calls use it, such as joining a chat room again
 * after a reconnection. Given to {@link JsonRpcClient.Builder#onOpen(OnOpen)}; runs each time a connection
 * opens: the first one ({@code attempt} 0) and each successful reconnection (1, 2, ...).
 *
 * <p>It runs on the client's executor, never on the thread that reads the socket, before the calls and
 * notifications queued while the client was away are sent; calls made meanwhile through the client wait behind
 * them. Calls made through {@code connection} go out at once, on this connection only (they are never queued, and
 * fail with {@link io.jsonrpcws.api.ConnectionClosedException} if it is lost), so the hook may block waiting for
 * their answers. When it throws, the failure is logged ({@code JRWS-0901}) and the queued calls are sent all the
 * same.
 */
@FunctionalInterface
public interface OnOpen {

    /**
     * @param connection calls on the connection that has just opened
     * @param attempt    0 for the client's first connection, then 1, 2, ... for each reconnection that succeeded
     * @throws Exception anything: logged, and the client carries on
     */
    void opened(JsonRpcCalls connection, int attempt) throws Exception;
}
