package io.jsonrpcws.client;

/**
 * A subscription was made again on a new connection, after the client reconnected: what
 * {@link SubscribeOptions#onResubscribe} is told, once the server has answered the new subscribe request (items of
 * the new server subscription follow).
 *
 * @param attempt the reconnection it was made on: 1, 2, ... as {@link OnOpen} numbers them
 * @param resumed {@code true} when the request asked the server to go on after the last item received
 *                ({@link SubscribeOptions#resume}); {@code false} when it repeated the original params, so items
 *                sent while the client was away are missed, or sent again, as the server's method decides
 */
public record Resubscription(int attempt, boolean resumed) {
}
