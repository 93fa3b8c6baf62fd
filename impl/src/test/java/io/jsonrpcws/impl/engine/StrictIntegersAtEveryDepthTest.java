package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.config.PropertyNamingStrategy;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Integer members of object params (records, beans, generic types, lists and maps of them, at any depth)
 * take only whole numbers in their type's range, as top-level integer params do: {@code 1.5} and
 * {@code 99999999999} for an {@code int} are -32602, where JSON-B alone binds 1 and 1215752191. Whole
 * numbers written with a fraction or an exponent are taken. So it is with the application's JSON-B naming
 * strategy, with its own {@code Jsonb}, and with a JSON-B provider other than Yasson.
 */
class StrictIntegersAtEveryDepthTest {

    static final String INT = "expected a whole number from -2147483648 to 2147483647";
    static final String LONG = "expected a whole number from -9223372036854775808 to 9223372036854775807";
    static final String SHORT = "expected a whole number from -32768 to 32767";
    static final String BYTE = "expected a whole number from -128 to 127";

    public record Counts(int i, long l, short s, byte b, Integer bi, Long bl, Short bs, Byte bb) {
    }

    public record Outer(Counts inner, List<Counts> more, Map<String, Counts> byName, Optional<Integer> maybe,
                        @JsonbProperty("n") int renamed) {
    }

    /** A class: Yasson does not bind generic records. */
    public static class Pair<A> {
        public A first;
        public List<A> rest;
    }

    public static class Box<T> {
        public T value;
    }

    public static class IntBox extends Box<Integer> {
        private long total;

        public long getTotal() {
            return total;
        }

        public void setTotal(long total) {
            this.total = total;
        }
    }

    public record Order(String itemName, int itemCount) {
    }

    /** JSON-P members take any JSON; the members after them are still checked. */
    public record Tagged(JsonObject meta, JsonValue any, List<Object> free, int n) {
    }

    public static class Counter {
        final List<Object> ran = new ArrayList<>();

        @JsonRpcMethod
        public Counts counts(Counts c) {
            ran.add(c);
            return c;
        }

        @JsonRpcMethod
        public Outer outer(Outer o) {
            ran.add(o);
            return o;
        }

        @JsonRpcMethod
        public Pair<Short> pair(Pair<Short> p) {
            ran.add(p);
            return p;
        }

        @JsonRpcMethod
        public IntBox box(IntBox b) {
            ran.add(b);
            return b;
        }

        @JsonRpcMethod
        public int sum(List<Integer> values, Map<String, Long> more, int[] array, short[][] grid) {
            ran.add(values);
            return values.size();
        }

        @JsonRpcMethod
        public Tagged tagged(Tagged t) {
            ran.add(t);
            return t;
        }

        @JsonRpcMethod
        public Order order(Order o) {
            ran.add(o);
            return o;
        }
    }

    private static final String COUNTS = "{\"i\":1,\"l\":2,\"s\":3,\"b\":4,\"bi\":5,\"bl\":6,\"bs\":7,\"bb\":8}";

    private final Counter counter = new Counter();
    private final JsonRpcEngine engine = Rpc.engine(counter);

    private static JsonObject call(JsonRpcEngine engine, String method, String params) {
        return single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}");
    }

    private static void assertRefused(JsonRpcEngine engine, String parameter, String problem, String method, String params) {
        JsonObject data = assertError(-32602, "1", call(engine, method, params)).getJsonObject("data");
        assertEquals(parameter, data.getString("parameter"), params);
        assertEquals(problem, data.getString("problem"), params);
    }

    private static String counts(String member, String value) {
        return COUNTS.replaceFirst("\"" + member + "\":\\d+", "\"" + member + "\":" + value);
    }

    @Test
    void everyIntegerTypeInARecord() {
        for (String n : List.of("1.5", "99999999999", "-2147483649", "1e10", "-0.5")) {
            assertRefused(engine, "c", "at i: " + INT, "counts", "[" + counts("i", n) + "]");
            assertRefused(engine, "c", "at bi: " + INT, "counts", "[" + counts("bi", n) + "]");
        }
        for (String n : List.of("9223372036854775808", "0.5", "1e19")) {
            assertRefused(engine, "c", "at l: " + LONG, "counts", "[" + counts("l", n) + "]");
            assertRefused(engine, "c", "at bl: " + LONG, "counts", "[" + counts("bl", n) + "]");
        }
        for (String n : List.of("40000", "-32769", "1.5")) {
            assertRefused(engine, "c", "at s: " + SHORT, "counts", "[" + counts("s", n) + "]");
            assertRefused(engine, "c", "at bs: " + SHORT, "counts", "[" + counts("bs", n) + "]");
        }
        for (String n : List.of("200", "-129", "0.1")) {
            assertRefused(engine, "c", "at b: " + BYTE, "counts", "[" + counts("b", n) + "]");
            assertRefused(engine, "c", "at bb: " + BYTE, "counts", "[" + counts("bb", n) + "]");
        }
        assertEquals(List.of(), counter.ran);
    }

    @Test
    void wholeNumbersInAnyNotationAreTaken() {
        String params = "[{\"i\":1e3,\"l\":2.0,\"s\":1e2,\"b\":1.0e2,\"bi\":-0,\"bl\":9223372036854775807,\"bs\":-32768,\"bb\":127.00}]";
        assertJson("{\"b\":100,\"bb\":127,\"bi\":0,\"bl\":9223372036854775807,\"bs\":-32768,\"i\":1000,\"l\":2,\"s\":100}",
                call(engine, "counts", params).get("result"));
    }

    @Test
    void deepInsideListsMapsOptionalsAndRenamedMembers() {
        String outer = "{\"inner\":" + COUNTS + ",\"more\":[" + COUNTS + "," + COUNTS + "],\"byName\":{\"a\":" + COUNTS + "},"
                + "\"maybe\":1,\"n\":1}";
        assertEquals(1, call(engine, "outer", "[" + outer + "]").getJsonObject("result").getInt("n"));
        counter.ran.clear();
        assertRefused(engine, "o", "at inner.i: " + INT, "outer", "[" + outer.replaceFirst("\"i\":1", "\"i\":1.5") + "]");
        assertRefused(engine, "o", "at more[1].s: " + SHORT, "outer",
                "[" + outer.replace("[" + COUNTS + "," + COUNTS + "]", "[" + COUNTS + "," + counts("s", "99999") + "]") + "]");
        assertRefused(engine, "o", "at byName.a.bl: " + LONG, "outer",
                "[" + outer.replace("{\"a\":" + COUNTS, "{\"a\":" + counts("bl", "1e30")) + "]");
        assertRefused(engine, "o", "at maybe: " + INT, "outer", "[" + outer.replace("\"maybe\":1", "\"maybe\":2.5") + "]");
        assertRefused(engine, "o", "at n: " + INT, "outer", "[" + outer.replace("\"n\":1", "\"n\":99999999999") + "]");
        assertEquals(List.of(), counter.ran);
    }

    @Test
    void genericsBeansAndCollections() {
        assertRefused(engine, "p", "at first: " + SHORT, "pair", "[{\"first\":70000,\"rest\":[]}]");
        assertRefused(engine, "p", "at rest[1]: " + SHORT, "pair", "[{\"first\":7,\"rest\":[1,1.5]}]");
        assertRefused(engine, "b", "at value: " + INT, "box", "[{\"value\":1.5,\"total\":1}]");
        assertRefused(engine, "b", "at total: " + LONG, "box", "[{\"value\":1,\"total\":1e20}]");
        assertRefused(engine, "values", "at [2]: " + INT, "sum", "[[1,2,3.5],{},[],[]]");
        assertRefused(engine, "more", "at x: " + LONG, "sum", "[[],{\"x\":0.5},[],[]]");
        assertRefused(engine, "array", "at [0]: " + INT, "sum", "[[],{},[99999999999],[]]");
        assertRefused(engine, "grid", "at [1][0]: " + SHORT, "sum", "[[],{},[],[[1],[40000]]]");
        assertEquals(List.of(), counter.ran);
        assertJson("{\"first\":7,\"rest\":[1,2]}", call(engine, "pair", "[{\"first\":7,\"rest\":[1,2.0]}]").get("result"));
    }

    @Test
    void jsonpAndObjectMembersTakeAnyNumber() {
        String free = "\"meta\":{\"a\":1.5,\"b\":[1e999,{\"c\":-1}]},\"any\":[1.5,{}],\"free\":[1e999,[0.5]]";
        assertRefused(engine, "t", "at n: " + INT, "tagged", "[{" + free + ",\"n\":1.5}]");
        assertRefused(engine, "t", "at n: " + INT, "tagged", "[{\"n\":1.5," + free + "}]");
        assertJson("{" + free.replace("1e999", "1E+999") + ",\"n\":2}", call(engine, "tagged", "[{" + free + ",\"n\":2}]").get("result"));
    }

    @Test
    void theApplicationsNamingStrategyAndItsOwnJsonb() {
        JsonbConfig underscores = new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES);
        for (JsonRpcEngine custom : List.of(Rpc.builder(counter).jsonbConfig(underscores).build(),
                Rpc.builder(counter).jsonb(JsonbBuilder.create(underscores)).build())) {
            assertRefused(custom, "o", "at item_count: " + INT, "order", "[{\"item_name\":\"pen\",\"item_count\":1.5}]");
            assertJson("{\"item_count\":2,\"item_name\":\"pen\"}",
                    call(custom, "order", "[{\"item_name\":\"pen\",\"item_count\":2}]").get("result"));
        }
    }

    @Test
    void aJsonbOtherThanYasson() {
        JsonRpcEngine portable = Rpc.builder(counter).jsonb(new NotYasson(JsonbBuilder.create())).build();
        assertRefused(portable, "c", "at i: " + INT, "counts", "[" + counts("i", "1.5") + "]");
        assertRefused(portable, "o", "at more[0].b: " + BYTE, "outer", "[{\"more\":[" + counts("b", "128") + "]}]");
        assertJson(COUNTS.replace("\"i\":1", "\"i\":1000").replace("\"s\":3", "\"s\":300"),
                call(portable, "counts", "[" + COUNTS.replace("\"i\":1", "\"i\":1e3").replace("\"s\":3", "\"s\":3e2") + "]")
                        .get("result"));
    }

    /** Hides Yasson behind the plain JSON-B interface, so the engine binds the portable way. */
    private record NotYasson(Jsonb jsonb) implements Jsonb {
        @Override
        public <T> T fromJson(String str, Class<T> type) {
            return jsonb.fromJson(str, type);
        }

        @Override
        public <T> T fromJson(String str, Type runtimeType) {
            return jsonb.fromJson(str, runtimeType);
        }

        @Override
        public <T> T fromJson(Reader reader, Class<T> type) {
            return jsonb.fromJson(reader, type);
        }

        @Override
        public <T> T fromJson(Reader reader, Type runtimeType) {
            return jsonb.fromJson(reader, runtimeType);
        }

        @Override
        public <T> T fromJson(InputStream stream, Class<T> type) {
            return jsonb.fromJson(stream, type);
        }

        @Override
        public <T> T fromJson(InputStream stream, Type runtimeType) {
            return jsonb.fromJson(stream, runtimeType);
        }

        @Override
        public String toJson(Object object) {
            return jsonb.toJson(object);
        }

        @Override
        public String toJson(Object object, Type runtimeType) {
            return jsonb.toJson(object, runtimeType);
        }

        @Override
        public void toJson(Object object, Writer writer) {
            jsonb.toJson(object, writer);
        }

        @Override
        public void toJson(Object object, Type runtimeType, Writer writer) {
            jsonb.toJson(object, runtimeType, writer);
        }

        @Override
        public void toJson(Object object, OutputStream stream) {
            jsonb.toJson(object, stream);
        }

        @Override
        public void toJson(Object object, Type runtimeType, OutputStream stream) {
            jsonb.toJson(object, runtimeType, stream);
        }

        @Override
        public void close() throws Exception {
            jsonb.close();
        }
    }
}
