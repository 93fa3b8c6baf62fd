package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A service whose params carry Bean Validation constraints; it counts the orders it took. */
@JsonRpcService("orders")
public class Orders {

    public record Line(@NotBlank String item, @Min(1) int quantity) {
    }

    public record Order(@NotBlank String customer, @Size(min = 1) List<@Valid Line> lines) {
    }

    private final AtomicInteger placed = new AtomicInteger();

    @JsonRpcMethod
    public int place(@NotNull @Valid Order order) {
        return placed.incrementAndGet();
    }

    @JsonRpcMethod
    public String label(@NotNull String name, @Size(min = 2, max = 5) List<String> tags) {
        placed.incrementAndGet();
        return name + tags;
    }

    @JsonRpcMethod
    public int placed() {
        return placed.get();
    }
}
