package io.jsonrpcws.api;

/**
 * An error that a service method throws to answer with a JSON-RPC error object of its choice.
 *
 * <p>The {@link #code() code} and {@link #getMessage() message} are sent as they are; {@link #data()},
 * when not {@code null}, is serialized with the application's JSON-B configuration. The stack trace is
 * never sent. Exceptions of other types reach the client as {@link JsonRpcErrorCodes#INTERNAL_ERROR}
 * with a generic message unless a {@link JsonRpcExceptionMapper} maps them.
 */
public class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient Object data;

    /**
     * @param code    the JSON-RPC error code
     * @param message a short description, sent to the client; not {@code null}
     */
    public JsonRpcException(int code, String message) {
        this(code, message, null, null);
    }

    /**
     * @param code    the JSON-RPC error code
     * @param message a short description, sent to the client; not {@code null}
     * @param data    extra information for the client, serialized with JSON-B; may be {@code null}
     */
    public JsonRpcException(int code, String message, Object data) {
        this(code, message, data, null);
    }

    /**
     * @param code    the JSON-RPC error code
     * @param message a short description, sent to the client; not {@code null}
     * @param data    extra information for the client, serialized with JSON-B; may be {@code null}
     * @param cause   the cause, logged on the server only; may be {@code null}
     */
    public JsonRpcException(int code, String message, Object data, Throwable cause) {
        super(requireMessage(message), cause);
        this.code = code;
        this.data = data;
    }

    private static String requireMessage(String message) {
        if (message == null) {
            throw new NullPointerException("a JSON-RPC error needs a message");
        }
        return message;
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }

    /** The {@code data} member of the error object, or {@code null} to omit it. */
    public Object data() {
        return data;
    }
}
