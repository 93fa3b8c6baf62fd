package io.jsonrpcws.impl.model;

import java.util.List;

/**
 * One callable JSON-RPC method: everything the engine needs per call, resolved once at deployment.
 *
 * @param name        the JSON-RPC name, namespace included
 * @param javaName    {@code Class#method}, for logs and deployment messages
 * @param params      every Java parameter in declaration order
 * @param jsonParams  the subset bound from {@code params}, in JSON position order
 * @param resultKind  how the return value becomes the response
 * @param invoker     what runs the method
 * @param nonBlocking whether it is declared {@link io.jsonrpcws.api.NonBlocking}: it may run on the thread
 *                    that read its frame
 * @param access      who may call it
 * @param paramCheck  what checks its arguments before it runs; {@code null} for nothing
 * @param subscription for a {@link ResultKind#PUBLISHER} or {@link ResultKind#UNSUBSCRIBE} method, its names;
 *                     otherwise {@code null}
 */
public record RpcMethod(String name, String javaName, List<Param> params, List<Param.Json> jsonParams,
                        ResultKind resultKind, MethodInvoker invoker, boolean nonBlocking, Access access,
                        ParamCheck paramCheck, SubscriptionSpec subscription) {

    public RpcMethod {
        params = List.copyOf(params);
        jsonParams = List.copyOf(jsonParams);
    }

    /** This method, its arguments checked by {@code check} before it runs. */
    public RpcMethod withParamCheck(ParamCheck check) {
        return new RpcMethod(name, javaName, params, jsonParams, resultKind, invoker, nonBlocking, access, check,
                subscription);
    }

    /** Whether some parameter needs the {@link CallInfo}. */
    public boolean needsCallInfo() {
        return params.size() != jsonParams.size();
    }

    /** The JSON parameter with this by-name key, or {@code null}. */
    public Param.Json jsonParam(String key) {
        for (Param.Json p : jsonParams) {
            if (key.equals(p.name())) {
                return p;
            }
        }
        return null;
    }
}
