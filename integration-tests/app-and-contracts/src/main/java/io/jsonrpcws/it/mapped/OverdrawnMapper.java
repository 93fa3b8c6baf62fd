package io.jsonrpcws.it.mapped;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers {@link Overdrawn} with {@value #CODE}. */
@ApplicationScoped
public class OverdrawnMapper implements JsonRpcExceptionMapper<Overdrawn> {

    /** The error code of an overdraft. */
    public static final int CODE = 4004;

    @Override
    public JsonRpcException toJsonRpcException(Overdrawn exception) {
        return new JsonRpcException(CODE, exception.getMessage());
    }
}
