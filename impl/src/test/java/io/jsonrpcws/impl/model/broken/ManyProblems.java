package io.jsonrpcws.impl.model.broken;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParam;

import java.util.List;

/** Every kind of problem a single service class can have, each to be reported. */
public class ManyProblems<T> {

    @JsonRpcMethod("rpc.discover")
    public String discover() {
        return "";
    }

    @JsonRpcMethod
    int hidden() {
        return 0;
    }

    @JsonRpcMethod
    public static int shared() {
        return 0;
    }

    @JsonRpcMethod
    public void store(T value) {
    }

    @JsonRpcMethod
    public void storeAll(List<T> values) {
    }

    @JsonRpcMethod
    public void twice(@JsonRpcParam("x") int a, @JsonRpcParam("x") int b) {
    }

    @JsonRpcMethod
    public String fine() {
        return "fine";
    }
}
