package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** Tells the tests how the target's CDI container has the services invoked. */
@JsonRpcService("introspection")
public class Introspection {

    /** What {@link #invokers()} answers where the container has CDI 4.1 invokers. */
    public static final String CDI_INVOKERS = "cdi-invokers";

    /** What {@link #invokers()} answers on CDI 4.0, where method handles invoke services. */
    public static final String METHOD_HANDLES = "method-handles";

    /** Tells from this call's own stack: the method-handle path runs through the extension's MethodHandleInvokers. */
    @JsonRpcMethod
    public String invokers() {
        boolean handles = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().startsWith("io.jsonrpcws.cdi.MethodHandleInvokers")));
        return handles ? METHOD_HANDLES : CDI_INVOKERS;
    }
}
