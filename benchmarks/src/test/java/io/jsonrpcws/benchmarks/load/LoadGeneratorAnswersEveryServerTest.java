package io.jsonrpcws.benchmarks.load;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A smoke run of the load test's code: each server, started in this JVM, takes a few hundred pipelined
 * calls from the generator on a few connections, and every call is answered, by id, without an error.
 * No timing here; {@code benchmarks/run-load.sh} measures.
 */
class LoadGeneratorAnswersEveryServerTest {

    private static final LoadClient.Window NONE = new LoadClient.Window() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };

    static Stream<Arguments> serversAndPayloads() {
        return Arrays.stream(ServerKind.values())
                .flatMap(kind -> Arrays.stream(Payload.values()).map(payload -> Arguments.of(kind, payload)));
    }

    @ParameterizedTest
    @MethodSource("serversAndPayloads")
    void everyCallIsAnsweredWithoutError(ServerKind kind, Payload payload) throws Exception {
        try (ServerKind.Running server = kind.start("127.0.0.1");
             LoadClient client = LoadClient.connect("127.0.0.1", server.port(), ServerKind.PATH, 3, 20_000)) {
            assertEquals(3, client.connections());
            LoadClient.Result result = client.run(payload, 8, 0, 20_000, 300, NONE);

            assertTrue(result.calls() >= 300, "answered calls: " + result.calls());
            assertEquals(0, result.errors(), "error answers; one of them: " + result.sample());
            assertEquals(result.calls(), result.latency().getTotalCount());
            String answer = result.sample();
            assertTrue(answer.contains(payload == Payload.SMALL ? "\"hello\"" : "\"Ada Lovelace\""), answer);
            if (kind != ServerKind.RAW && kind != ServerKind.RAW_ASYNC) {
                assertTrue(answer.contains("\"result\""), answer);
            }
        }
    }
}
