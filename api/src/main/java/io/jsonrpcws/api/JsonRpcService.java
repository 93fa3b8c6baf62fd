package io.jsonrpcws.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link JsonRpcMethod}-annotated methods are callable over JSON-RPC.
 *
 * <p>The annotation is a CDI stereotype: it makes the class a bean (also under
 * {@code bean-discovery-mode="annotated"}) whose default scope is {@link ApplicationScoped}. A scope
 * declared on the class wins, so {@code @Dependent}, {@code @RequestScoped} or
 * {@link ConnectionScoped} services are written as usual.
 *
 * <p>The optional {@link #value() namespace} prefixes every method name of the class with
 * {@code namespace + "."}: {@code @JsonRpcService("calc")} with a method {@code add} is called as
 * {@code calc.add}.
 */
@Stereotype
@ApplicationScoped
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonRpcService {

    /** The namespace prepended to the JSON-RPC names of this class's methods; empty for none. */
    String value() default "";
}
