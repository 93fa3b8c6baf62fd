package io.jsonrpcws.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a remote interface (the interfaces given to {@link JsonRpcSession#remote}, or to the Java
 * client's {@code remote}) send its params by name, as one JSON object, instead of as an array. On the
 * interface, it applies to all its methods.
 *
 * <pre>{@code
 * @JsonRpcService("feed")
 * public interface Subscriber {
 *     @JsonRpcMethod @NamedParams
 *     void update(String subscription, Item result);   // {"subscription": ..., "result": ...}
 * }
 * }</pre>
 *
 * <p>The names are the Java parameter names (compile with {@code -parameters}) or those of
 * {@link JsonRpcParam}. A method whose parameters have no names, or two parameters with one name, is refused
 * when the proxy is made, with an {@code IllegalArgumentException} naming the method and the parameter.
 * JSON-RPC 1.0 has no by-name params: calling such a method on a connection that speaks 1.0 is refused.
 *
 * <p>Service methods take params by position or by name alike; there this annotation has no effect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NamedParams {
}
