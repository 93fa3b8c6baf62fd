package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** A plain application-scoped service: positional and by-name params, a chosen error, a notification. */
@JsonRpcService("greeter")
public class Greeter {

    /** The error code {@link #refuse} answers with. */
    public static final int REFUSED = -32010;

    @JsonRpcMethod
    public String hello(String name) {
        return "Hello, " + name + "!";
    }

    @JsonRpcMethod
    public int add(int a, int b) {
        return a + b;
    }

    @JsonRpcMethod
    public void refuse(String reason) {
        throw new JsonRpcException(REFUSED, "refused: " + reason);
    }

    @JsonRpcMethod
    public void ping() {
    }
}
