package io.jsonrpcws.benchmarks;

import io.jsonrpcws.api.JsonRpcMethod;

import java.util.List;

/** The service the engine benchmarks call: an echo and a method that binds a ~1 KB record by name. */
public class BenchService {

    /** The nested record of {@link Customer}. */
    public record Address(String street, String city, String postalCode, String country) {
    }

    /** A record of about 1 KB of JSON: scalars, a list of strings, a nested record and some text. */
    public record Customer(long id, String name, String email, boolean active, double score,
                           List<String> tags, Address address, String notes) {
    }

    @JsonRpcMethod
    public String echo(String text) {
        return text;
    }

    /** Binds the whole record; answers the number of its tags. */
    @JsonRpcMethod
    public int tagCount(Customer customer) {
        return customer.tags().size();
    }
}
