package io.jsonrpcws.impl.model.broken;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** Maps {@code calc.add} under another Java name. */
@JsonRpcService("calc")
public class DuplicateNameB {
    @JsonRpcMethod("add")
    public long plus(long a, long b) {
        return a + b;
    }
}
