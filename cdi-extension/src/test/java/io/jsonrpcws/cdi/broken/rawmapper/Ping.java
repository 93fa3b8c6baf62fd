package io.jsonrpcws.cdi.broken.rawmapper;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

@JsonRpcService
public class Ping {
    @JsonRpcMethod
    public String ping() {
        return "pong";
    }
}
