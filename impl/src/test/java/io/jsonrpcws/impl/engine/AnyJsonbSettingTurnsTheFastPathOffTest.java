package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import org.junit.jupiter.api.Test;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine writes values itself only with the JSON-B it builds from a configuration without any setting: each
 * setting below changes what JSON-B writes of a plain record, and the answers show JSON-B's output. An application's
 * own {@code Jsonb} is always left to write.
 */
class AnyJsonbSettingTurnsTheFastPathOffTest {

    public record Item(String itemName, String missing, byte[] bytes) {
    }

    public static class Items {
        @JsonRpcMethod
        public Item item() {
            return new Item("pen", null, new byte[] {1, 2});
        }
    }

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"item\",\"id\":1}";

    private static String result(JsonRpcEngine<?> engine) {
        String answer = send(engine, CALL);
        return answer.substring("{\"jsonrpc\":\"2.0\",\"result\":".length(), answer.length() - ",\"id\":1}".length());
    }

    @Test
    void theDefaultConfiguration() {
        assertEquals("{\"bytes\":[1,2],\"itemName\":\"pen\"}", result(Rpc.engine(new Items())));
        assertEquals("{\"bytes\":[1,2],\"itemName\":\"pen\"}",
                result(Rpc.builder(new Items()).jsonbConfig(new JsonbConfig()).build()));
    }

    @Test
    void settingsAreHonoured() {
        assertEquals("{\"bytes\":[1,2],\"itemName\":\"pen\",\"missing\":null}",
                result(Rpc.builder(new Items()).jsonbConfig(new JsonbConfig().withNullValues(true)).build()));
        assertEquals("{\"Bytes\":[1,2],\"ItemName\":\"pen\"}", result(Rpc.builder(new Items())
                .jsonbConfig(new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE)).build()));
        assertEquals("{\"itemName\":\"pen\",\"bytes\":[1,2]}", result(Rpc.builder(new Items())
                .jsonbConfig(new JsonbConfig().withPropertyOrderStrategy(PropertyOrderStrategy.REVERSE)).build()));
        assertEquals("{\"bytes\":\"AQI=\",\"itemName\":\"pen\"}", result(Rpc.builder(new Items())
                .jsonbConfig(new JsonbConfig().withBinaryDataStrategy(BinaryDataStrategy.BASE_64)).build()));
    }

    @Test
    void theApplicationsOwnJsonb() {
        assertEquals("{\"bytes\":\"AQI=\",\"itemName\":\"pen\"}", result(Rpc.builder(new Items())
                .jsonb(JsonbBuilder.create(new JsonbConfig().withBinaryDataStrategy(BinaryDataStrategy.BASE_64))).build()));
    }
}
