package io.jsonrpcws.benchmarks.load;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A smoke run of the client benchmark's code: each Java client, in this JVM, makes a few hundred calls of each payload
 * to a jsonrpcws server, one at a time and 64 in flight; every call is answered with the echo of what it sent and
 * recorded once. No timing here; {@code benchmarks/run-load.sh --clients} measures.
 */
class EachClientCompletesEveryCallTest {

    private static final LoadClient.Window NONE = new LoadClient.Window() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };

    static Stream<Arguments> clientsPayloadsAndDepths() {
        return Arrays.stream(ClientKind.values()).flatMap(kind -> Arrays.stream(Payload.values())
                .flatMap(payload -> Stream.of(1, 64).map(inFlight -> Arguments.of(kind, payload, inFlight))));
    }

    @ParameterizedTest
    @MethodSource("clientsPayloadsAndDepths")
    void everyCallIsAnsweredAndRecorded(ClientKind kind, Payload payload, int inFlight) throws Exception {
        try (ServerKind.Running server = ServerKind.OURS.start("127.0.0.1");
             ClientKind.Caller caller = kind.connect("127.0.0.1", server.port())) {
            LoadClient.Result result = new ClientLoad(caller).run(payload, inFlight, 0, 20_000, 300, NONE);

            assertTrue(result.calls() >= 300, "answered calls: " + result.calls());
            assertEquals(0, result.errors(), "failed calls; one of them: " + result.sample());
            assertEquals(result.calls(), result.latency().getTotalCount(), "one latency per answered call");
            assertTrue(result.nanos() > 0);
            String answer = result.sample();
            assertTrue(payload == Payload.SMALL ? answer.equals("hello") : answer.contains("Ada Lovelace"), answer);
        }
    }
}
