package io.jsonrpcws.api;

/**
 * Turns an application exception into the JSON-RPC error sent to the client.
 *
 * <p>For an exception thrown by a service method, the mapper registered for the most specific
 * superclass of the exception's class answers (a mapper for {@code IllegalStateException} wins over one
 * for {@code RuntimeException}). Mappers are CDI beans: the runtime finds every bean of this type at
 * start-up, and two mappers of one exception type fail deployment. A {@link JsonRpcException} is sent as it
 * is and never mapped. When no mapper answers, the client gets {@link JsonRpcErrorCodes#INTERNAL_ERROR} with a
 * generic message and the server logs the cause.
 *
 * <p>Implementations must be thread-safe; they are called concurrently.
 *
 * @param <E> the exception type handled, including its subclasses
 */
@FunctionalInterface
public interface JsonRpcExceptionMapper<E extends Throwable> {

    /**
     * Maps the exception.
     *
     * @param exception the exception thrown by the service method, never {@code null}
     * @return the error to send; {@code null} to fall back to the generic internal error
     */
    JsonRpcException toJsonRpcException(E exception);
}
