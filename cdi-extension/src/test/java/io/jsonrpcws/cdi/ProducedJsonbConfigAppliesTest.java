package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A {@link JsonbConfig} the application produces maps params and results, its adapters included. */
class ProducedJsonbConfigAppliesTest {

    public static class MoneyAdapter implements JsonbAdapter<Money, String> {
        @Override
        public String adaptToJson(Money money) {
            return String.format("%d.%02d %s", money.cents() / 100, money.cents() % 100, money.currency());
        }

        @Override
        public Money adaptFromJson(String text) {
            String[] parts = text.split(" ");
            return new Money(Math.round(Double.parseDouble(parts[0]) * 100), parts[1]);
        }
    }

    public static class JsonConfiguration {
        @Produces
        JsonbConfig jsonbConfig() {
            return new JsonbConfig().withAdapters(new MoneyAdapter());
        }
    }

    @JsonRpcService("wallet")
    public static class Wallet {
        @JsonRpcMethod
        public Money add(Money a, Money b) {
            return a.plus(b);
        }

        @JsonRpcMethod
        public List<Money> split(Money total, int parts) {
            return java.util.Collections.nCopies(parts, new Money(total.cents() / parts, total.currency()));
        }
    }

    @Test
    void adapterMapsParamsAndResults() {
        try (TestDeployment deployment = TestDeployment.of(Wallet.class, JsonConfiguration.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"13.00 EUR\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"wallet.add\",\"params\":[\"12.34 EUR\",\"0.66 EUR\"],\"id\":1}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":[\"2.50 USD\",\"2.50 USD\"],\"id\":2}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"wallet.split\",\"params\":{\"total\":\"5.00 USD\",\"parts\":2},\"id\":2}"));
        }
    }
}
