package io.jsonrpcws.cdi.broken.duplicatename;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

@JsonRpcService("calc")
public class Adder {
    @JsonRpcMethod
    public int add(int a, int b) {
        return a + b;
    }
}
