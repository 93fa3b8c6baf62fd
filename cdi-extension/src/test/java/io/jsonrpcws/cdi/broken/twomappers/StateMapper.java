package io.jsonrpcws.cdi.broken.twomappers;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StateMapper implements JsonRpcExceptionMapper<IllegalStateException> {
    @Override
    public JsonRpcException toJsonRpcException(IllegalStateException exception) {
        return new JsonRpcException(1, "state");
    }
}
