package io.jsonrpcws.api;

import jakarta.enterprise.context.NormalScope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One instance per WebSocket connection: created the first time a call or a connection event of that
 * connection uses it, destroyed (with its {@code @PreDestroy}) when the connection closes.
 *
 * <p>The context is active while a call of the connection runs and while its
 * {@link SessionOpened}/{@link SessionClosed} observers run. It fires
 * {@code @Initialized(ConnectionScoped.class)} when a connection opens,
 * {@code @BeforeDestroyed(ConnectionScoped.class)} and {@code @Destroyed(ConnectionScoped.class)} when it
 * closes, each with the {@link JsonRpcSession} as payload. Calls of one connection may run concurrently,
 * so connection-scoped beans must be thread-safe unless in-order processing is configured.
 * It is not active for calls over HTTP.
 */
@NormalScope
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface ConnectionScoped {
}
