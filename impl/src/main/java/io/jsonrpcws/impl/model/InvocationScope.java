package io.jsonrpcws.impl.model;

/**
 * What surrounds each method invocation: the CDI runtime activates the request and connection contexts
 * here. {@link #begin} and {@link #end} run on the invoking thread, in pairs, also when the method throws.
 */
public interface InvocationScope {

    /** Nothing around invocations: plain-object services. */
    InvocationScope NONE = new InvocationScope() {
        @Override
        public Object begin(Object connection) {
            return null;
        }

        @Override
        public void end(Object token) {
        }
    };

    /**
     * @param connection the transport's connection object given to the engine, or {@code null}
     * @return what {@link #end} needs to undo this
     */
    Object begin(Object connection);

    /** @param token what {@link #begin} returned */
    void end(Object token);
}
