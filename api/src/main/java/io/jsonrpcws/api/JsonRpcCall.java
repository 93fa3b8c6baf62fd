package io.jsonrpcws.api;

/**
 * The call being answered; a service method parameter of this type receives it. Immutable.
 */
public interface JsonRpcCall {

    /**
     * The request id: a {@code String}, a {@code java.math.BigDecimal} for a number, or {@code null} for a
     * {@code null} id and for notifications.
     */
    Object id();

    /** Whether the client expects no answer. */
    boolean isNotification();

    /** The JSON-RPC method name, namespace included. */
    String method();

    /** {@code "2.0"} or {@code "1.0"}. */
    String protocolVersion();
}
