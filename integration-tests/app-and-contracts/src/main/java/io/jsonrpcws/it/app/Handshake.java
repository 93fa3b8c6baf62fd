package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;

import java.util.List;

/** Tells a client what its connection's handshake carried. */
@JsonRpcService("handshake")
public class Handshake {

    /** The first value of a request header of this connection's handshake, or {@code null}. */
    @JsonRpcMethod
    public String header(JsonRpcSession session, String name) {
        List<String> values = session.headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
