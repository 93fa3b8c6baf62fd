package io.jsonrpcws.cdi.broken.typevariable;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** The type variable belongs to the method: a generic managed bean class would be Weld's own definition error. */
@JsonRpcService
public class Store {
    @JsonRpcMethod
    public <T> void put(T value) {
    }
}
