package io.jsonrpcws.api;

/**
 * The error codes that the JSON-RPC 2.0 specification defines. Applications may use any other code
 * outside {@code -32768..-32000}; codes in {@code -32099..-32000} are for implementation-defined server
 * errors.
 */
public final class JsonRpcErrorCodes {

    /** Invalid JSON was received; the text could not be parsed. */
    public static final int PARSE_ERROR = -32700;

    /** The JSON sent is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;

    /** The method does not exist or is not available. */
    public static final int METHOD_NOT_FOUND = -32601;

    /** Invalid method parameters: missing, unknown or of the wrong type. */
    public static final int INVALID_PARAMS = -32602;

    /** Internal JSON-RPC error; the cause is logged on the server, never sent. */
    public static final int INTERNAL_ERROR = -32603;

    /** Lowest code of the range reserved for implementation-defined server errors. */
    public static final int SERVER_ERROR_MIN = -32099;

    /** Highest code of the range reserved for implementation-defined server errors. */
    public static final int SERVER_ERROR_MAX = -32000;

    /**
     * The method needs something this call does not have: a CDI context that is not active (a
     * {@code @ConnectionScoped} bean called over HTTP, a scope the application never activates) or a
     * WebSocket connection (a {@code JsonRpcSession} parameter or a subscription method called over HTTP). A server
     * error of this implementation.
     */
    public static final int CONTEXT_NOT_ACTIVE = -32001;

    /**
     * The method is restricted ({@code @RolesAllowed}) and the connection or HTTP request has no authenticated
     * user. A server error of this implementation.
     */
    public static final int NOT_AUTHENTICATED = -32010;

    /**
     * The method is restricted and the caller may not call it: none of its {@code @RolesAllowed} roles, or
     * {@code @DenyAll}. A server error of this implementation.
     */
    public static final int FORBIDDEN = -32011;

    /**
     * The call ran longer than the server allows ({@code jsonrpcws.call-timeout}); the thread running it was
     * interrupted. A server error of this implementation.
     */
    public static final int TIMED_OUT = -32012;

    /**
     * The connection has as many subscriptions as the server allows ({@code jsonrpcws.max-subscriptions}); a
     * subscription method's request is refused. A server error of this implementation.
     */
    public static final int TOO_MANY_SUBSCRIPTIONS = -32013;

    /**
     * In a subscription's error notification: its publisher sent more than the subscription's buffer holds, under
     * {@code JsonRpcSubscription.Overflow.FAIL}. A server error of this implementation.
     */
    public static final int SUBSCRIPTION_OVERFLOW = -32014;

    /**
     * The client cancelled the call with {@code $/cancelRequest} while it ran: its {@code CompletionStage} was
     * cancelled, or the thread running it interrupted. The code the Language Server Protocol gives it.
     */
    public static final int REQUEST_CANCELLED = -32800;

    private JsonRpcErrorCodes() {
    }
}
