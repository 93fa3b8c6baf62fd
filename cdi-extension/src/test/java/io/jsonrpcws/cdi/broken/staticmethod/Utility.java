package io.jsonrpcws.cdi.broken.staticmethod;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

@JsonRpcService
public class Utility {
    @JsonRpcMethod
    public static int twice(int n) {
        return 2 * n;
    }
}
