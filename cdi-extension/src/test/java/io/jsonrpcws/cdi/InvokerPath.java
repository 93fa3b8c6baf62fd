package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** The two ways the extension calls service methods; tests of invocation run on both. */
enum InvokerPath {

    /** CDI 4.1 {@code jakarta.enterprise.invoke.Invoker}s, the default where the container has them. */
    CDI_INVOKERS("auto"),

    /** Method handles on contextual references, the CDI 4.0 fallback, forced by {@code jsonrpcws.invokers}. */
    METHOD_HANDLES("method-handles");

    private final String setting;

    InvokerPath(String setting) {
        this.setting = setting;
    }

    /** The settings that choose this path. */
    RuntimeConfig config() {
        return RuntimeConfig.builder().set("jsonrpcws.invokers", setting).build();
    }

    /**
     * A service that tells, from its own call stack, which path called it: the method-handle invokers are
     * frames of the extension's {@code MethodHandleInvokers}; a CDI invoker's are the container's.
     */
    @JsonRpcService("path")
    public static class Observed {
        @JsonRpcMethod
        public String which() {
            boolean handles = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                    f -> f.getClassName().startsWith(MethodHandleInvokers.class.getName())));
            return handles ? METHOD_HANDLES.name() : CDI_INVOKERS.name();
        }
    }
}
