package io.jsonrpcws.cdi.broken.twomappers;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Maps the same exception as {@link StateMapper}: which one answers would be a matter of chance. */
@ApplicationScoped
public class OtherStateMapper implements JsonRpcExceptionMapper<IllegalStateException> {
    @Override
    public JsonRpcException toJsonRpcException(IllegalStateException exception) {
        return new JsonRpcException(2, "other state");
    }
}
