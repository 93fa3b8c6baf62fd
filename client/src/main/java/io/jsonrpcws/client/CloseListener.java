package io.jsonrpcws.client;

/**
 * Told once when a {@link JsonRpcClient} has closed for good: by {@link JsonRpcClient#close()}, by the
 * server or the network when the client does not reconnect, or after its last reconnection attempt failed.
 * Connections lost and then re-established by {@link Reconnect} are not reported.
 *
 * <p>Called on an unspecified thread, after the client's pending calls have been failed; it must not block.
 */
@FunctionalInterface
public interface CloseListener {

    /**
     * @param code   the WebSocket close code: the server's, 1000 after {@link JsonRpcClient#close()}, 1006
     *               when the connection broke without a close frame
     * @param reason the close reason; never {@code null}, may be empty
     */
    void closed(int code, String reason);
}
