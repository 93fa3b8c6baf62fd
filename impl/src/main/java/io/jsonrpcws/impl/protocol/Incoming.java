package io.jsonrpcws.impl.protocol;

import io.jsonrpcws.impl.model.RpcMethod;
import jakarta.json.JsonValue;

/** One message received, after its envelope is read and its params are bound. */
public sealed interface Incoming {

    /** The version whose rules answer this message. */
    Version version();

    /** A call that expects a response. */
    record Request(Version version, JsonRpcId id, RpcMethod method, Object[] args) implements Incoming {
    }

    /** A call that expects no response, not even an error. */
    record Notification(Version version, RpcMethod method, Object[] args) implements Incoming {
    }

    /**
     * A message refused before any method ran. {@code id} is the request's id where it could be read,
     * otherwise {@link JsonRpcId#NULL}; {@code notification} suppresses the answer for a well-formed
     * notification (an unknown method, bad params) as the specification requires.
     */
    record Rejected(Version version, JsonRpcId id, boolean notification, ErrorObject error) implements Incoming {
    }

    /**
     * An answer to a call this side made to its peer: {@code result} and {@code error} as received, either
     * possibly {@code null} (absent) or {@link JsonValue#NULL}.
     */
    record Response(Version version, JsonRpcId id, JsonValue result, JsonValue error) implements Incoming {
    }
}
