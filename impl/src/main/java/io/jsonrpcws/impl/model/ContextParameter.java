package io.jsonrpcws.impl.model;

import io.jsonrpcws.impl.connection.PeerConnection;

import java.lang.reflect.Type;

/**
 * Supplies a method parameter that is not taken from {@code params}: the session, the WebSocket
 * session, the current call. Each Java parameter type must be claimed by at most one of the resolvers
 * given to {@link ServiceModel}; two claiming one parameter is a deployment problem.
 *
 * @param <C> the connection type of the transport whose engine runs the methods
 */
public interface ContextParameter<C extends PeerConnection> {

    /** Whether this resolver supplies parameters of the given declared type. Called at deployment only. */
    boolean supports(Type type);

    /** The value for the parameter in this call. Called per call; must be cheap and thread-safe. */
    Object resolve(CallInfo<C> call);
}
