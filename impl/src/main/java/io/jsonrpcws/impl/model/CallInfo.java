package io.jsonrpcws.impl.model;

import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Version;

/**
 * The call being answered, handed to {@link ContextParameter}s.
 *
 * @param version    the request's protocol version
 * @param id         the request id; {@code null} for a notification
 * @param method     the JSON-RPC method name
 * @param connection the connection the call came on, of the transport's own type; {@code null} where there is
 *                   none (a call over HTTP)
 * @param <C>        the transport's connection type
 */
public record CallInfo<C extends PeerConnection>(Version version, JsonRpcId id, String method, C connection) {
}
