package io.jsonrpcws.cdi.broken.unvalidated;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.validation.constraints.NotNull;

/** Constrained params, deployed where Bean Validation's API is present but no provider is. */
@JsonRpcService
public class Greeter {
    @JsonRpcMethod
    public String greet(@NotNull String name) {
        return "hello " + name;
    }
}
