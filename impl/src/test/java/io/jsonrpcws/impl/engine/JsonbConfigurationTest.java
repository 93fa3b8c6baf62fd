package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyNamingStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application's JSON-B configuration maps params and results. Registering adapters also turns off
 * the engine's direct reading and writing of strings, integers and booleans, so an adapter for one of
 * those applies too.
 */
class JsonbConfigurationTest {

    public record Money(long cents, String currency) {
    }

    /** Money as "12.34 EUR". */
    public static class MoneyAdapter implements JsonbAdapter<Money, String> {
        @Override
        public String adaptToJson(Money m) {
            return m.cents() / 100 + "." + String.format("%02d", m.cents() % 100) + " " + m.currency();
        }

        @Override
        public Money adaptFromJson(String s) {
            String[] parts = s.split("[. ]");
            return new Money(Long.parseLong(parts[0]) * 100 + Long.parseLong(parts[1]), parts[2]);
        }
    }

    /** Booleans as "yes" and "no". */
    public static class YesNoAdapter implements JsonbAdapter<Boolean, String> {
        @Override
        public String adaptToJson(Boolean b) {
            return b ? "yes" : "no";
        }

        @Override
        public Boolean adaptFromJson(String s) {
            return switch (s) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException("yes or no, not " + s);
            };
        }
    }

    public record Order(String itemName, int itemCount) {
    }

    public static class Shop {
        @JsonRpcMethod
        public Money twice(Money m) {
            return new Money(m.cents() * 2, m.currency());
        }

        @JsonRpcMethod
        public Boolean not(Boolean b) {
            return !b;
        }

        @JsonRpcMethod
        public Order more(Order order) {
            return new Order(order.itemName(), order.itemCount() + 1);
        }

        @JsonRpcMethod
        public List<Money> split(Money m) {
            return List.of(new Money(m.cents() / 2, m.currency()), new Money(m.cents() - m.cents() / 2, m.currency()));
        }
    }

    private static String call(JsonRpcEngine engine, String method, String params) {
        return send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}");
    }

    @Test
    void adaptersApplyToParamsAndResults() {
        JsonRpcEngine engine = Rpc.builder(new Shop())
                .jsonbConfig(new JsonbConfig().withAdapters(new MoneyAdapter(), new YesNoAdapter())).build();
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"24.68 EUR\",\"id\":1}", call(engine, "twice", "[\"12.34 EUR\"]"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":[\"0.50 USD\",\"0.51 USD\"],\"id\":1}",
                call(engine, "split", "{\"m\":\"1.01 USD\"}"));
    }

    @Test
    void adaptersForScalarsTurnOffTheDirectPath() {
        JsonRpcEngine plain = Rpc.engine(new Shop());
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":false,\"id\":1}", call(plain, "not", "[true]"));
        JsonRpcEngine adapted = Rpc.builder(new Shop())
                .jsonbConfig(new JsonbConfig().withAdapters(new YesNoAdapter())).build();
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"no\",\"id\":1}", call(adapted, "not", "[\"yes\"]"));
        assertEquals(-32602, Rpc.code(Rpc.single(adapted,
                "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[\"maybe\"],\"id\":1}")));
        // read directly, true would be accepted; through the adapter only "yes" and "no" are booleans
        assertEquals(-32602, Rpc.code(Rpc.single(adapted,
                "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[true],\"id\":1}")));
    }

    @Test
    void theApplicationsOwnJsonb() {
        JsonRpcEngine engine = Rpc.builder(new Shop())
                .jsonb(JsonbBuilder.create(new JsonbConfig()
                        .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)))
                .build();
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"item_count\":3,\"item_name\":\"pen\"},\"id\":1}",
                call(engine, "more", "[{\"item_name\":\"pen\",\"item_count\":2}]"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":false,\"id\":1}", call(engine, "not", "[true]"));
    }

    @Test
    void theDefaultJsonbKeepsJavaNames() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"itemCount\":3,\"itemName\":\"pen\"},\"id\":1}",
                call(Rpc.engine(new Shop()), "more", "[{\"itemName\":\"pen\",\"itemCount\":2}]"));
    }
}
