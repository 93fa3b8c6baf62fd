package io.jsonrpcws.api;

import jakarta.json.JsonValue;

/**
 * A JSON-RPC error object: one that a service method throws to answer with an error of its choice, and the one a
 * caller's stage fails with when the peer answers its call with an error.
 *
 * <p>The {@link #code() code} and {@link #getMessage() message} are sent as they are; the data given to the
 * constructor, when not {@code null}, is serialized with the application's JSON-B configuration. The stack trace
 * is never sent. Exceptions of other types reach the client as {@link JsonRpcErrorCodes#INTERNAL_ERROR}
 * with a generic message unless a {@link JsonRpcExceptionMapper} maps them.
 *
 * <p>An error received from the peer carries its {@code data} member as JSON: {@link #data()}.
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

    /**
     * The {@code data} member as JSON: that of an error received from the peer, as it was sent (a
     * {@code JsonObject}, a {@code JsonString}, ... or {@link JsonValue#NULL} for {@code "data": null}).
     *
     * @return the data when it is JSON; {@code null} when the error has none, and for an error made here with data
     *         of another Java type, which {@link #dataObject()} returns
     */
    public JsonValue data() {
        return data instanceof JsonValue json ? json : null;
    }

    /**
     * The data as given to the constructor, of whatever Java type, serialized with JSON-B when the error is sent;
     * for an error received from the peer, the same {@link JsonValue} as {@link #data()}.
     *
     * @return the data, or {@code null} to omit it
     */
    public Object dataObject() {
        return data;
    }
}
