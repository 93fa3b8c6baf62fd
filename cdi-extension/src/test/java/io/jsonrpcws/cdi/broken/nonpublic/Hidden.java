package io.jsonrpcws.cdi.broken.nonpublic;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

@JsonRpcService
public class Hidden {
    @JsonRpcMethod
    String secret() {
        return "secret";
    }
}
