package io.jsonrpcws.it.mapped;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/**
 * A service whose answers depend on the application's exception mapper ({@link OverdrawnMapper}) and JSON-B
 * settings ({@link SnakeCase}).
 */
@JsonRpcService("ledger")
public class Ledger {

    /** A result with a camelCase component, written {@code account_name} under snake_case. */
    public record Entry(String accountName, int amount) {
    }

    @JsonRpcMethod
    public Entry entry() {
        return new Entry("Eve", 42);
    }

    @JsonRpcMethod
    public void withdraw(int amount) {
        throw new Overdrawn(amount);
    }
}
