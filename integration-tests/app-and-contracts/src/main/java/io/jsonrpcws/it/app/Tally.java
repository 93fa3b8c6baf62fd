package io.jsonrpcws.it.app;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** One count per WebSocket connection. */
@ConnectionScoped
@JsonRpcService("tally")
public class Tally {

    private int count;

    @JsonRpcMethod
    public int increment() {
        return ++count;
    }

    @JsonRpcMethod
    public int current() {
        return count;
    }
}
