package io.jsonrpcws.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a parameter for by-name calls ({@code "params": {"name": ...}}). Needed only when the class is
 * compiled without {@code -parameters}; otherwise the Java parameter name is used.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface JsonRpcParam {

    /** The member name of this parameter in a by-name {@code params} object. */
    String value();
}
