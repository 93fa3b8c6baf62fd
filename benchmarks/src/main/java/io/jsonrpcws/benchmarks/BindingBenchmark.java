package io.jsonrpcws.benchmarks;

import io.jsonrpcws.benchmarks.BenchService.Customer;
import io.jsonrpcws.benchmarks.load.Payload;
import io.jsonrpcws.impl.codec.Skip;
import io.jsonrpcws.impl.dispatch.Shapes;
import io.jsonrpcws.impl.dispatch.ValueReader;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Binding one param: the ~1 KB {@link Customer} of the load test, read from its text by the engine's
 * {@link ValueReader} as the engine builds it by default; against a floor that only parses the same text.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class BindingBenchmark {

    private JsonParserFactory parsers;
    private ValueReader reader;

    @Setup
    public void setUp() {
        parsers = JsonProvider.provider().createParserFactory(Map.of());
        JsonbConfig config = new JsonbConfig();
        reader = ValueReader.of(JsonbBuilder.create(config), Shapes.of(config));
    }

    @Benchmark
    public Object bindCustomer() {
        try (JsonParser parser = parsers.createParser(new StringReader(Payload.CUSTOMER))) {
            return reader.read(parser, parser.next(), Customer.class);
        }
    }

    @Benchmark
    public JsonParser.Event parseCustomer() {
        try (JsonParser parser = parsers.createParser(new StringReader(Payload.CUSTOMER))) {
            Skip.value(parser, parser.next());
            return parser.currentEvent();
        }
    }
}
