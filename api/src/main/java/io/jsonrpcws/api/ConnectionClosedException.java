package io.jsonrpcws.api;

/**
 * Completes a call to the other side when the connection closes before its answer arrives, or when the
 * call is made on a closed connection.
 */
public class ConnectionClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what closed, for the log */
    public ConnectionClosedException(String message) {
        super(message);
    }
}
