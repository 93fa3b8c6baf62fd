package io.jsonrpcws.benchmarks;

import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One frame in, the response text out: the engine against a JSON-P baseline that parses the same
 * frame into a {@code JsonObject}/{@code JsonArray} and writes the same answer with JSON-P, with every
 * factory cached. The baseline does no dispatch, no binding and no checks: it is the floor any engine
 * built on JSON-P pays.
 *
 * <p>Scenarios: {@code small} is one positional call of {@code echo}; {@code byNameRecord} binds a
 * ~1 KB record by name and answers a count; {@code batch10} is a batch of ten small calls.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class RpcBenchmark {

    public static final String SMALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}";

    public static final String BY_NAME_RECORD = "{\"jsonrpc\":\"2.0\",\"method\":\"tagCount\",\"params\":{\"customer\":{"
            + "\"id\":1234567,\"name\":\"Ada Lovelace\",\"email\":\"ada.lovelace@example.org\",\"active\":true,"
            + "\"score\":98.25,\"tags\":[\"analytical-engine\",\"mathematics\",\"poetry\",\"notes\",\"bernoulli\","
            + "\"algorithms\",\"london\",\"babbage\",\"difference-engine\",\"computing\",\"history\",\"science\"],"
            + "\"address\":{\"street\":\"12 St James's Square\",\"city\":\"London\",\"postalCode\":\"SW1Y 4JH\","
            + "\"country\":\"United Kingdom\"},"
            + "\"notes\":\"Augusta Ada King, Countess of Lovelace, was an English mathematician and writer, chiefly"
            + " known for her work on Charles Babbage's proposed mechanical general-purpose computer, the Analytical"
            + " Engine. She was the first to recognise that the machine had applications beyond pure calculation,"
            + " and published the first algorithm intended to be carried out by such a machine. Her notes on the"
            + " engine include what is recognised as the first algorithm intended to be processed by a machine,"
            + " a method for calculating a sequence of Bernoulli numbers.\"}},\"id\":2}";

    public static final String BATCH10 = batch10();

    private static String batch10() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= 10; i++) {
            b.append(i == 1 ? "" : ",")
                    .append("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":").append(i).append('}');
        }
        return b.append(']').toString();
    }

    private JsonRpcEngine<PeerConnection> engine;
    private JsonReaderFactory readers;
    private JsonWriterFactory writers;
    private JsonBuilderFactory builders;

    @Setup
    public void setUp() {
        engine = JsonRpcEngine.<PeerConnection>builder()
                .methods(PlainServices.table(new ServiceModel(List.of()), new BenchService()))
                .build();
        JsonProvider provider = JsonProvider.provider();
        readers = provider.createReaderFactory(Map.of());
        writers = provider.createWriterFactory(Map.of());
        builders = provider.createBuilderFactory(Map.of());
    }

    // ---- engine ----

    @Benchmark
    public String smallEngine() {
        return engine.handle(SMALL, null).toCompletableFuture().join();
    }

    @Benchmark
    public String byNameRecordEngine() {
        return engine.handle(BY_NAME_RECORD, null).toCompletableFuture().join();
    }

    @Benchmark
    public String batch10Engine() {
        return engine.handle(BATCH10, null).toCompletableFuture().join();
    }

    // ---- JSON-P baselines: parse to a tree, build the answer, write it ----

    @Benchmark
    public String smallBaseline() {
        return write(echoAnswer(readObject(SMALL)));
    }

    @Benchmark
    public String byNameRecordBaseline() {
        JsonObject request = readObject(BY_NAME_RECORD);
        int count = request.getJsonObject("params").getJsonObject("customer").getJsonArray("tags").size();
        return write(builders.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("result", count)
                .add("id", request.get("id"))
                .build());
    }

    @Benchmark
    public String batch10Baseline() {
        JsonArray requests;
        try (JsonReader reader = readers.createReader(new StringReader(BATCH10))) {
            requests = reader.readArray();
        }
        JsonArrayBuilder answers = builders.createArrayBuilder();
        for (JsonValue request : requests) {
            answers.add(echoAnswer(request.asJsonObject()));
        }
        return write(answers.build());
    }

    private JsonObject readObject(String frame) {
        try (JsonReader reader = readers.createReader(new StringReader(frame))) {
            return reader.readObject();
        }
    }

    /** The answer to an {@code echo} call: its first param back, with the request's id. */
    private JsonObject echoAnswer(JsonObject request) {
        return builders.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("result", request.getJsonArray("params").get(0))
                .add("id", request.get("id"))
                .build();
    }

    private String write(JsonStructure answer) {
        StringWriter out = new StringWriter(64);
        try (JsonWriter writer = writers.createWriter(out)) {
            writer.write(answer);
        }
        return out.toString();
    }
}
