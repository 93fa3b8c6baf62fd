package io.jsonrpcws.cdi.broken.manyproblems;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

@JsonRpcService
public class Timer {
    @JsonRpcMethod("clock.now")
    public long elapsed() {
        return 0;
    }

    @JsonRpcMethod("rpc.timer")
    public void start() {
    }
}
