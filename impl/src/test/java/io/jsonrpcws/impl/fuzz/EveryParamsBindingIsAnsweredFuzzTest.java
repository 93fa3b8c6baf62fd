package io.jsonrpcws.impl.fuzz;


import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;


/**
 * Frames whose envelope is well formed and whose params are fuzzed, for methods taking records, lists,
 * maps, ints, longs, doubles, strings and optionals, by position and by name, in 2.0 and 1.0, with
 * {@code params} before or after {@code method}: the engine answers within two seconds, never throws,
 * and answers valid JSON-RPC with the request's id (see {@link JsonRpcAnswers}).
 *
 * <p>Each param is one of: a number, string, literal, array or object built from the input; or raw text
 * from the input, which may not be JSON at all (the JSONTestSuite seeds become such text). The input is
 * read through {@link FuzzInput}.
 */
class EveryParamsBindingIsAnsweredFuzzTest {

    public record Point(int x, int y) {
    }

    public record Shape(String name, List<Point> points, Map<String, Double> tags, Optional<String> note) {
    }

    /** The methods whose params are fuzzed; each answers something derived from every param. */
    public static class Service {
        @JsonRpcMethod
        public String label(String text, int n, double d) {
            return text + n + d;
        }

        @JsonRpcMethod
        public Point move(Point p, int dx, int dy) {
            return new Point(p.x() + dx, p.y() + dy);
        }

        @JsonRpcMethod
        public int count(Shape shape) {
            return shape.points().size() + shape.tags().size() + shape.note().map(String::length).orElse(0);
        }

        @JsonRpcMethod
        public List<Point> mirror(List<Point> points) {
            return points.stream().map(p -> new Point(p.y(), p.x())).toList();
        }

        @JsonRpcMethod
        public Map<String, Integer> tally(Map<String, Integer> counts, long base) {
            return Map.of("total", counts.values().stream().mapToInt(Integer::intValue).sum() + (int) base);
        }

        @JsonRpcMethod
        public String greet(String name, Optional<String> title, OptionalInt times) {
            return title.map(t -> t + " ").orElse("") + name + times.orElse(1);
        }

        @JsonRpcMethod
        public double mean(List<Double> values, int[] weights) {
            return values.stream().mapToDouble(Double::doubleValue).sum() + weights.length;
        }
    }

    /** The methods above and their parameter names, for frames by name. */
    private static final List<List<String>> METHODS = List.of(
            List.of("label", "text", "n", "d"),
            List.of("move", "p", "dx", "dy"),
            List.of("count", "shape"),
            List.of("mirror", "points"),
            List.of("tally", "counts", "base"),
            List.of("greet", "name", "title", "times"),
            List.of("mean", "values", "weights"));

    private static final List<String> KEYS = List.of("x", "y", "name", "points", "tags", "note", "text", "p");

    @BeforeAll
    static void quietFailuresAndWarmUp() {
        EngineLog.quiet();
        Bounded.warmUp(ENGINE, "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[{\"name\":\"s\",\"points\":[{\"x\":1,\"y\":2}],"
                        + "\"tags\":{\"a\":1.5},\"note\":\"n\",\"z\":[{}]}],\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"tally\",\"params\":{\"counts\":{\"a\":\"b\"},\"base\":1.5},\"id\":2}",
                "{\"method\":\"mean\",\"params\":[[1,2.5e3],[1,2]],\"id\":3}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"name\":\"n\",\"times\":2},\"id\":4}");
    }

    @AfterAll
    static void restoreLogging() {
        EngineLog.restore();
    }

    private static final JsonRpcEngine<PeerConnection> ENGINE = JsonRpcEngine.<PeerConnection>builder()
            .methods(PlainServices.table(new ServiceModel(List.of()), new Service())).build();

    static Stream<Arguments> params() {
        return Seeds.andJsonTestSuiteWhenFuzzing(
                "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"y\":2},3,4],\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":{\"shape\":{\"name\":\"s\","
                        + "\"points\":[{\"x\":1,\"y\":2}],\"tags\":{\"a\":1.5},\"note\":\"n\"}},\"id\":2}",
                "{\"jsonrpc\":\"2.0\",\"params\":{\"name\":\"ann\",\"times\":2},\"method\":\"greet\",\"id\":3}");
    }

    @MethodSource
    @DictionaryEntries({"\"x\"", "\"y\"", "\"name\"", "\"points\"", "\"tags\"", "\"note\"", "1e308", "-0.0",
            "2147483648", "9223372036854775808", "1E-400", "null", "true"})
    @FuzzTest(maxDuration = "3m")
    void params(byte[] bytes) {
        String frame = frame(new FuzzInput(bytes));
        String answer = Bounded.answer(ENGINE, frame);
        JsonRpcAnswers.assertValid(frame, answer);
    }

    /** A request, notification or 1.0 request of one of the methods, with params made from the input. */
    static String frame(FuzzInput data) {
        List<String> method = METHODS.get(data.pick(0, METHODS.size() - 1));
        int form = data.pick(0, 3);
        boolean byName = form != 2 && data.bit();
        int count = data.pick(0, method.size());
        List<String> params = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = value(data, 0);
            params.add(byName ? quote(i + 1 < method.size() ? method.get(i + 1) : data.text(8)) + ":" + value : value);
        }
        String paramsMember = "\"params\":" + (byName ? "{" : "[") + String.join(",", params) + (byName ? "}" : "]");
        String methodMember = "\"method\":" + quote(method.get(0));
        long id = data.anyLong();
        return switch (form) {
            case 0 -> "{\"jsonrpc\":\"2.0\"," + methodMember + "," + paramsMember + ",\"id\":" + id + "}";
            case 1 -> "{\"jsonrpc\":\"2.0\"," + methodMember + "," + paramsMember + "}";
            case 2 -> "{" + methodMember + "," + paramsMember + ",\"id\":\"v1-" + id + "\"}";
            default -> "{" + paramsMember + ",\"id\":" + id + "," + methodMember + ",\"jsonrpc\":\"2.0\"}";
        };
    }

    private static String value(FuzzInput data, int depth) {
        int kind = data.pick(0, depth < 3 ? 9 : 6);
        return switch (kind) {
            case 0 -> Integer.toString(data.anyInt());
            case 1 -> Long.toString(data.anyLong());
            case 2 -> number(data);
            case 3 -> quote(data.text(40));
            case 4 -> data.pick(List.of("true", "false", "null", "0", "-0", "1.0", "[]", "{}", "\"\""));
            case 5 -> {
                double d = Double.longBitsToDouble(data.anyLong());
                yield Double.isFinite(d) ? Double.toString(d) : "1e308";
            }
            case 6 -> data.text(4096);
            case 7 -> {
                List<String> items = new ArrayList<>();
                for (int n = data.pick(0, 4); n > 0; n--) {
                    items.add(value(data, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> members = new ArrayList<>();
                for (int n = data.pick(0, 4); n > 0; n--) {
                    String key = data.bit() ? data.pick(KEYS) : data.text(8);
                    members.add(quote(key) + ":" + value(data, depth + 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
        };
    }

    /** A JSON number with a sign, digits, a fraction and an exponent chosen by the input. */
    private static String number(FuzzInput data) {
        StringBuilder n = new StringBuilder();
        if (data.bit()) {
            n.append('-');
        }
        n.append(Long.toUnsignedString(data.anyLong()));
        if (data.bit()) {
            n.append('.').append(Integer.toUnsignedString(data.anyInt()));
        }
        if (data.bit()) {
            n.append(data.pick(List.of("e", "E", "e-", "E+"))).append(data.pick(0, 1200));
        }
        return n.toString();
    }

    private static String quote(String text) {
        return Json.createValue(text).toString();
    }
}
