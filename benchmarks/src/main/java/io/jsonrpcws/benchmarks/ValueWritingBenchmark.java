package io.jsonrpcws.benchmarks;

import io.jsonrpcws.benchmarks.BenchService.Customer;
import io.jsonrpcws.benchmarks.load.Payload;
import io.jsonrpcws.benchmarks.load.StreamService;
import io.jsonrpcws.impl.codec.ResponseWriter;
import io.jsonrpcws.impl.codec.SubscriptionWriter;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Version;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Writing a value into its message, as the engine does: the ~1 KB {@code Customer} of the load benchmark as a
 * call's result, and the small {@code Quote} of the streams benchmark as a subscription's item. {@code path}
 * {@code yasson} is JSON-B's general path for every value; {@code fast} lets the engine write the classes it knows
 * JSON-B would write its default way itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ValueWritingBenchmark {

    private static final JsonRpcId ID = new JsonRpcId.Number("42");

    @Param({"yasson", "fast"})
    public String path;

    private ResponseWriter results;
    private SubscriptionWriter items;
    private Customer customer;

    @Setup
    public void setUp() throws Exception {
        try (Jsonb reader = JsonbBuilder.create()) {
            customer = reader.fromJson(Payload.CUSTOMER, Customer.class);
        }
        results = new ResponseWriter(JsonbBuilder.create(), true, "fast".equals(path));
        items = new SubscriptionWriter(results);
        ResponseWriter yasson = new ResponseWriter(JsonbBuilder.create(), true, false);
        if (!customerResult().equals(customerResult(yasson))
                || !quoteItem().equals(new SubscriptionWriter(yasson).item("feed.subscription", "7", StreamService.QUOTE))) {
            throw new IllegalStateException("the " + path + " path writes otherwise than Yasson");
        }
    }

    @Benchmark
    public String customerResult() {
        return customerResult(results);
    }

    private String customerResult(ResponseWriter writer) {
        StringBuilder out = new StringBuilder(1200);
        writer.result(out, Version.V2_0, ID, customer);
        return out.toString();
    }

    @Benchmark
    public String quoteItem() {
        return items.item("feed.subscription", "7", StreamService.QUOTE);
    }
}
