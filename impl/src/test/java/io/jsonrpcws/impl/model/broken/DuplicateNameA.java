package io.jsonrpcws.impl.model.broken;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** Maps {@code calc.add}, as {@link DuplicateNameB} does. */
@JsonRpcService("calc")
public class DuplicateNameA {
    @JsonRpcMethod
    public int add(int a, int b) {
        return a + b;
    }
}
