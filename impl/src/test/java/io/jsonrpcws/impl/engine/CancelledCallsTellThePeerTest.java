package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.protocol.PeerProtocol;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call whose stage is cancelled while its answer is awaited stops awaiting it (the later answer is dropped) and,
 * where the registry was made with a cancel notification, tells the peer {@code {"id": n}}; without one, nothing is
 * said (the server's calls to its clients). A stage cancelled before it was sent is not sent.
 */
class CancelledCallsTellThePeerTest {

    private final JsonRpcEngine<PeerConnection> engine = Rpc.engine(new Object());
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private OutgoingCalls calls(String cancelNotification) {
        return engine.outgoingCalls(sent::add, Runnable::run, Duration.ofSeconds(5), PeerProtocol.V2_0, cancelNotification);
    }

    @Test
    void aCancelledCallIsCancelledOnThePeer() {
        OutgoingCalls calls = calls("$/cancelRequest");
        CompletableFuture<Object> answer = calls.request("work.block", String.class, Duration.ofSeconds(5), Params.byPosition());
        assertTrue(answer.cancel(true));
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"work.block\",\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}"), sent);
    }

    @Test
    void withoutACancelNotificationThePeerIsToldNothing() {
        OutgoingCalls calls = calls(null);
        calls.request("work.block", String.class, Duration.ofSeconds(5), Params.byPosition()).cancel(true);
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"work.block\",\"id\":1}"), sent);
    }

    @Test
    void answeredAndCancelledCallsAreNotCancelledAgain() {
        OutgoingCalls calls = calls("$/cancelRequest");
        CompletableFuture<Object> cancelledEarly = new CompletableFuture<>();
        cancelledEarly.cancel(false);
        assertTrue(calls.request("work.never", String.class, Duration.ofSeconds(5), System.nanoTime(), Params.byPosition(),
                cancelledEarly), "a cancelled stage is the caller's: nothing to send");
        calls.closed("the test closed it");
        CompletableFuture<Object> failed = calls.request("work.late", String.class, Duration.ofSeconds(5), Params.byPosition());
        assertTrue(failed.isCompletedExceptionally());
        failed.cancel(true);
        assertEquals(List.of(), sent);
    }
}
