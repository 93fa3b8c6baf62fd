package io.jsonrpcws.it.startup;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;

/** A mapper without a bean-defining annotation: under annotated discovery CDI ignores it, and the log says so. */
public class UnannotatedMapper implements JsonRpcExceptionMapper<IllegalStateException> {

    @Override
    public JsonRpcException toJsonRpcException(IllegalStateException exception) {
        return new JsonRpcException(4009, "never used");
    }
}
