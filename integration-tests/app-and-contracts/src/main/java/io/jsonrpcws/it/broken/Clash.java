package io.jsonrpcws.it.broken;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** Broken: two methods mapped to one JSON-RPC name, which must fail deployment. */
@JsonRpcService("clash")
public class Clash {

    @JsonRpcMethod("same")
    public String first() {
        return "first";
    }

    @JsonRpcMethod("same")
    public String second() {
        return "second";
    }
}
