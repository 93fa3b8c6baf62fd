package io.jsonrpcws.impl.model;

import java.lang.reflect.Type;

/**
 * Supplies a method parameter that is not taken from {@code params}: the session, the WebSocket
 * session, the current call. Each Java parameter type must be claimed by at most one of the resolvers
 * given to {@link ServiceModel}; two claiming one parameter is a deployment problem.
 */
public interface ContextParameter {

    /** Whether this resolver supplies parameters of the given declared type. Called at deployment only. */
    boolean supports(Type type);

    /** The value for the parameter in this call. Called per call; must be cheap and thread-safe. */
    Object resolve(CallInfo call);
}
