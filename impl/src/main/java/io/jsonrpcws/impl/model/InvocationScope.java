package io.jsonrpcws.impl.model;

import io.jsonrpcws.impl.connection.PeerConnection;

/**
 * What surrounds each method invocation: the CDI runtime activates the request and connection contexts
 * here. {@link #begin} and {@link #end} run on the invoking thread, in pairs, also when the method throws.
 *
 * @param <C> the transport's connection type
 */
public interface InvocationScope<C extends PeerConnection> {

    /** Nothing around invocations: plain-object services. */
    static <C extends PeerConnection> InvocationScope<C> none() {
        return new InvocationScope<>() {
            @Override
            public Object begin(C connection) {
                return null;
            }

            @Override
            public void end(Object token) {
            }
        };
    }

    /**
     * @param connection the connection of the call, or {@code null} where there is none
     * @return what {@link #end} needs to undo this
     */
    Object begin(C connection);

    /** @param token what {@link #begin} returned */
    void end(Object token);
}
