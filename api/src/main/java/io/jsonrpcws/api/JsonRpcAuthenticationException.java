package io.jsonrpcws.api;

/**
 * Thrown by a {@link JsonRpcAuthenticator} to refuse a caller: {@link #UNAUTHORIZED} when the credentials are
 * missing or invalid, {@link #FORBIDDEN} when they are valid but not enough. The connection is then closed with
 * 1008 and this message as the reason, before any of its frames is read.
 */
public class JsonRpcAuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No valid credentials (HTTP's 401). */
    public static final int UNAUTHORIZED = 401;

    /** Valid credentials, refused (HTTP's 403). */
    public static final int FORBIDDEN = 403;

    private final int status;

    /**
     * @param status  {@link #UNAUTHORIZED} or {@link #FORBIDDEN}
     * @param message what the client is told, at most 123 bytes of UTF-8
     */
    public JsonRpcAuthenticationException(int status, String message) {
        super(message);
        if (status != UNAUTHORIZED && status != FORBIDDEN) {
            throw new IllegalArgumentException("status must be 401 or 403: " + status);
        }
        this.status = status;
    }

    /** {@link #UNAUTHORIZED} or {@link #FORBIDDEN}. */
    public int status() {
        return status;
    }
}
