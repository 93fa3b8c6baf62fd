package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.inject.Inject;

/** A service that injects another bean. */
@JsonRpcService("reception")
public class Reception {

    @Inject
    Salutations salutations;

    @JsonRpcMethod
    public String welcome(String name) {
        return salutations.welcome(name);
    }
}
