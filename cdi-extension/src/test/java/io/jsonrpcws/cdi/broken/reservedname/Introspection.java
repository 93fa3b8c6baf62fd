package io.jsonrpcws.cdi.broken.reservedname;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

@JsonRpcService
public class Introspection {
    @JsonRpcMethod("rpc.discover")
    public String discover() {
        return "{}";
    }
}
