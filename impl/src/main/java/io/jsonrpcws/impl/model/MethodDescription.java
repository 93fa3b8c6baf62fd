package io.jsonrpcws.impl.model;

import io.jsonrpcws.api.NonBlocking;

import java.lang.reflect.Method;
import java.util.List;

/**
 * What discovery found about one annotated method, before an invoker is attached: the plain model
 * that the CDI extension and the plain-object registry both build on.
 *
 * @param name       the JSON-RPC name, namespace included
 * @param service    the service class, which may inherit the method from a superclass
 * @param method     the Java method
 * @param params     every Java parameter, in declaration order
 * @param resultKind how its return value becomes the response
 * @param access     who may call it
 * @param subscription for a subscription method, its names and buffer; otherwise {@code null}
 */
public record MethodDescription(String name, Class<?> service, Method method, List<Param> params,
                                ResultKind resultKind, Access access, SubscriptionSpec subscription) {

    public MethodDescription {
        params = List.copyOf(params);
    }

    /**
     * {@code Service#method}, as deployment messages and logs name it: the service class, so that two
     * services inheriting one annotated method are told apart.
     */
    public String javaName() {
        return service.getName() + "#" + method.getName();
    }

    /** The runnable method, once an invoker exists for it. */
    public RpcMethod withInvoker(MethodInvoker invoker) {
        List<Param.Json> json = params.stream()
                .filter(Param.Json.class::isInstance)
                .map(Param.Json.class::cast)
                .toList();
        boolean nonBlocking = method.isAnnotationPresent(NonBlocking.class)
                || method.getDeclaringClass().isAnnotationPresent(NonBlocking.class);
        return new RpcMethod(name, javaName(), params, json, resultKind, invoker, nonBlocking, access, null,
                subscription);
    }
}
