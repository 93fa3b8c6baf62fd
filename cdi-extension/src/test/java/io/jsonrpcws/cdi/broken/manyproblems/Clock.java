package io.jsonrpcws.cdi.broken.manyproblems;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.util.List;

@JsonRpcService("clock")
public class Clock {
    @JsonRpcMethod
    public long now() {
        return 0;
    }

    @JsonRpcMethod
    protected void reset() {
    }

    @JsonRpcMethod
    public static String zone() {
        return "UTC";
    }

    @JsonRpcMethod
    public <T extends Comparable<T>> void sort(List<T> values) {
    }
}
