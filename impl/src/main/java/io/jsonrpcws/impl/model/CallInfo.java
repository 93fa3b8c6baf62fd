package io.jsonrpcws.impl.model;

import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Version;

/**
 * The call being answered, handed to {@link ContextParameter}s.
 *
 * @param version    the request's protocol version
 * @param id         the request id; {@code null} for a notification
 * @param method     the JSON-RPC method name
 * @param connection the transport's object for the connection the call came on (opaque to the engine);
 *                   {@code null} where there is none
 */
public record CallInfo(Version version, JsonRpcId id, String method, Object connection) {
}
