package io.jsonrpcws.cdi.broken.duplicatename;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** Claims {@code calc.add} too, from the root namespace. */
@JsonRpcService
public class OtherAdder {
    @JsonRpcMethod("calc.add")
    public int plus(int a, int b) {
        return a + b;
    }
}
