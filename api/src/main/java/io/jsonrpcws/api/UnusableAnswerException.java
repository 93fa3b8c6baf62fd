package io.jsonrpcws.api;

/**
 * The peer answered a call, but its result cannot be bound to the type the caller asked for (a string where
 * a number was expected, an object of another shape). The stage of the call fails with it; the connection
 * stays open.
 */
public class UnusableAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was asked and why the answer does not fit
     * @param cause   the binding failure
     */
    public UnusableAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
