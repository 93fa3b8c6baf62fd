package io.jsonrpcws.cdi.broken.rawmapper;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;

/** Implements the raw type: the exception it maps cannot be known. */
@SuppressWarnings("rawtypes")
public class RawMapper implements JsonRpcExceptionMapper {
    @Override
    public JsonRpcException toJsonRpcException(Throwable exception) {
        return new JsonRpcException(1, "raw");
    }
}
