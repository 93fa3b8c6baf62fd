package io.jsonrpcws.benchmarks.load;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A smoke run of the streams benchmark's code: on each stream server, started in this JVM, 4 subscriptions on each of
 * 3 connections to 500 items each, strings and then records, are counted to the item by subscription, every one ends,
 * and the first item's frame is byte for byte the same from both servers; then idle subscriptions send nothing. No
 * timing here; {@code benchmarks/run-load.sh --streams} measures.
 */
class StreamGeneratorCountsEveryItemTest {

    private static final LoadClient.Window NONE = new LoadClient.Window() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };

    private static final String FIRST = "{\"jsonrpc\":\"2.0\",\"method\":\"feed.subscription\",\"params\":{\"subscription\":\"0x1\",\"result\":";

    @ParameterizedTest
    @EnumSource(StreamServerKind.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyItemIsCountedForItsSubscription(StreamServerKind kind) throws Exception {
        try (ServerKind.Running server = kind.start("127.0.0.1")) {
            for (String method : new String[] {"feed.strings", "feed.quotes"}) {
                try (LoadClient client = LoadClient.connect("127.0.0.1", server.port(), ServerKind.PATH, 3, 20_000)) {
                    client.subscribe(method, "[500]", 4, 20_000);
                    LoadClient.StreamResult result = client.stream(0, 20_000, NONE);

                    assertEquals(12, result.ended(), method + ": subscriptions ended");
                    assertEquals(0, result.failed(), method + ": subscriptions failed");
                    assertEquals(6_000, result.totalItems(), method + ": items");
                    assertEquals(500, result.fewest(), method + ": fewest items of a subscription");
                    assertEquals(500, result.most(), method + ": most items of a subscription");
                    assertEquals(FIRST + (method.equals("feed.strings") ? RawStreamEndpoint.TEXT_JSON : RawStreamEndpoint.QUOTE_JSON)
                            + "}}", result.sample());
                }
            }
            try (LoadClient client = LoadClient.connect("127.0.0.1", server.port(), ServerKind.PATH, 2, 20_000)) {
                client.subscribe("feed.silence", "[]", 5, 20_000);
                LoadClient.StreamResult result = client.stream(0, 300, NONE);

                assertEquals(0, result.totalItems(), "items of idle subscriptions");
                assertEquals(0, result.ended(), "idle subscriptions ended");
            }
        }
    }
}
