package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.protocol.PeerProtocol;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call whose result starts something on the peer (a subscribe request), given up before its answer (timed out, or
 * its stage cancelled), tells the peer with the cancel notification and still awaits its answer: a result that comes
 * then goes to the caller's {@code abandoned}, which ends what was started; an error then (the peer's -32800) is
 * dropped. An answer in time completes the stage and nothing else.
 */
class GivenUpSubscribeCallsHandTheirLateResultOnTest {

    private final JsonRpcEngine<PeerConnection> engine = Rpc.engine(new Object());
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<JsonValue> late = new CopyOnWriteArrayList<>();
    private final OutgoingCalls calls = engine.outgoingCalls(sent::add, Runnable::run, Duration.ofSeconds(5),
            PeerProtocol.V2_0, "$/cancelRequest");
    private final PeerConnection peer = new PeerConnection() {
        @Override
        public OutgoingCalls outgoingCalls() {
            return calls;
        }

        @Override
        public void close(int code, String reason) {
        }
    };

    private CompletableFuture<Object> subscribe(Duration timeout) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        assertTrue(calls.request("feed.watch", String.class, timeout, System.nanoTime(), Params.byPosition(), answer,
                late::add));
        return answer;
    }

    private void answer(String frame) {
        engine.handle(frame, peer).toCompletableFuture().join();
    }

    @Test
    void aResultAfterTheTimeoutGoesToWhoEndsIt() throws Exception {
        CompletableFuture<Object> answer = subscribe(Duration.ofMillis(50));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failed.getCause());
        // the cancel goes out on the timer's thread, once the stage has failed
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sent.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"feed.watch\",\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}"), sent);
        answer("{\"jsonrpc\":\"2.0\",\"result\":\"0x1\",\"id\":1}");
        assertEquals(List.of(Json.createValue("0x1")), late);
    }

    @Test
    void aResultAfterACancelGoesToWhoEndsIt() {
        CompletableFuture<Object> answer = subscribe(Duration.ofSeconds(5));
        assertTrue(answer.cancel(false));
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}", sent.get(1));
        answer("{\"jsonrpc\":\"2.0\",\"result\":\"0x7\",\"id\":1}");
        assertEquals(List.of(Json.createValue("0x7")), late);
    }

    @Test
    void theCancelsAnswerIsDropped() {
        CompletableFuture<Object> answer = subscribe(Duration.ofSeconds(5));
        answer.cancel(false);
        answer("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32800,\"message\":\"Request cancelled\"},\"id\":1}");
        assertEquals(List.of(), late);
        // the answer came: a second one for the same id matches nothing
        answer("{\"jsonrpc\":\"2.0\",\"result\":\"0x1\",\"id\":1}");
        assertEquals(List.of(), late);
    }

    @Test
    void anAnswerInTimeCompletesTheStageAlone() throws Exception {
        CompletableFuture<Object> answer = subscribe(Duration.ofSeconds(5));
        answer("{\"jsonrpc\":\"2.0\",\"result\":\"0x1\",\"id\":1}");
        assertEquals("0x1", answer.get(0, TimeUnit.SECONDS));
        assertEquals(List.of(), late);
        assertEquals(1, sent.size(), "no cancel");
    }
}
