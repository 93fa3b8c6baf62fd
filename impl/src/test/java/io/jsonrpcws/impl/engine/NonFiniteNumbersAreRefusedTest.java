package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A number beyond the range of a {@code double} or {@code float} parameter, at any depth, is -32602 (out
 * of range) rather than Infinity, which used to come back as -32603 when the result could not be written;
 * NaN and Infinity written as strings are refused too. Types that hold any number keep taking them.
 */
class NonFiniteNumbersAreRefusedTest {

    static final String DOUBLES = "expected a number from -1.7976931348623157E308 to 1.7976931348623157E308";
    static final String FLOATS = "expected a number from -3.4028235E38 to 3.4028235E38";

    public record Reading(double value, Float weight, List<Double> series) {
    }

    public static class Meter {
        final List<Object> ran = new ArrayList<>();

        @JsonRpcMethod
        public double twice(double d) {
            ran.add(d);
            return 2 * d;
        }

        @JsonRpcMethod
        public Double boxed(Double d) {
            ran.add(d);
            return d;
        }

        @JsonRpcMethod
        public float single(float f) {
            ran.add(f);
            return f;
        }

        @JsonRpcMethod
        public Reading reading(Reading r) {
            ran.add(r);
            return r;
        }

        @JsonRpcMethod
        public Map<String, Float> weights(Map<String, Float> w) {
            ran.add(w);
            return w;
        }

        @JsonRpcMethod
        public double maybe(OptionalDouble d) {
            ran.add(d);
            return d.orElse(0);
        }

        @JsonRpcMethod
        public BigDecimal big(BigDecimal d) {
            return d;
        }
    }

    private final Meter meter = new Meter();
    private final JsonRpcEngine engine = Rpc.engine(meter);

    private JsonObject answer(String method, String params) {
        return single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}");
    }

    private void assertRefused(String parameter, String problem, String method, String params) {
        JsonObject data = assertError(-32602, "1", answer(method, params)).getJsonObject("data");
        assertEquals(parameter, data.getString("parameter"), params);
        assertEquals(problem, data.getString("problem"), params);
    }

    @Test
    void hugeNumbersForDoublesAndFloats() {
        for (String n : List.of("1e999", "-1e999", "2e308", "-17976931348623159" + "0".repeat(70) + "e222")) {
            assertRefused("d", DOUBLES, "twice", "[" + n + "]");
            assertRefused("d", DOUBLES, "boxed", "{\"d\":" + n + "}");
            assertRefused("d", DOUBLES, "maybe", "[" + n + "]");
            assertRefused("f", FLOATS, "single", "[" + n + "]");
        }
        assertRefused("f", FLOATS, "single", "[3.5e38]");
        assertRefused("f", FLOATS, "single", "[-1e39]");
        assertEquals(List.of(), meter.ran);
    }

    @Test
    void nonFiniteStrings() {
        for (String s : List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e999\"")) {
            assertRefused("d", DOUBLES, "twice", "[" + s + "]");
            assertRefused("d", DOUBLES, "boxed", "[" + s + "]");
            assertRefused("f", FLOATS, "single", "[" + s + "]");
            assertRefused("r", "at value: " + DOUBLES, "reading", "[{\"value\":" + s + "}]");
        }
        assertEquals(List.of(), meter.ran);
    }

    @Test
    void insideObjectsListsAndMaps() {
        assertRefused("r", "at value: " + DOUBLES, "reading", "[{\"value\":1e999,\"weight\":1,\"series\":[]}]");
        assertRefused("r", "at weight: " + FLOATS, "reading", "[{\"value\":1,\"weight\":-1e39,\"series\":[]}]");
        assertRefused("r", "at series[2]: " + DOUBLES, "reading", "[{\"value\":1,\"weight\":1,\"series\":[1,2,-1e999]}]");
        assertRefused("w", "at b: " + FLOATS, "weights", "[{\"a\":1.5,\"b\":1e39}]");
        assertEquals(List.of(), meter.ran);
    }

    @Test
    void finiteExtremesAndAnyNumberTypesAreTaken() {
        assertEquals(1.7976931348623157E308, answer("boxed", "[1.7976931348623157E308]").getJsonNumber("result").doubleValue());
        assertEquals(3.4028235E38f, (float) answer("single", "[3.4028235E38]").getJsonNumber("result").doubleValue());
        assertEquals(0.0, answer("twice", "[1e-999]").getJsonNumber("result").doubleValue(), "an underflow is zero, not refused");
        assertEquals(new BigDecimal("1E+999"), answer("big", "[1e999]").getJsonNumber("result").bigDecimalValue());
        assertEquals(2.5, answer("reading", "[{\"value\":2.5,\"weight\":null,\"series\":[1e300]}]")
                .getJsonObject("result").getJsonNumber("value").doubleValue());
    }
}
