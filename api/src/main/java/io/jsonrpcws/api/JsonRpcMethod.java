package io.jsonrpcws.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a public method of a {@link JsonRpcService} as a JSON-RPC method. Methods without this
 * annotation are never callable.
 *
 * <p>The JSON-RPC name is {@link #value()} when given (it may contain dots, for example
 * {@code "mymodule.rpc.ping"}), otherwise the Java method name; the service's namespace, if any, is
 * prepended either way. Names starting with {@code rpc.} are reserved by the JSON-RPC 2.0
 * specification and fail deployment.
 *
 * <p>The method may return a value (sent as {@code result}), {@code void} ({@code result: null}), or a
 * {@link java.util.concurrent.CompletionStage} whose completion is sent when it completes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonRpcMethod {

    /** The JSON-RPC method name, without the service namespace; empty to use the Java method name. */
    String value() default "";
}
