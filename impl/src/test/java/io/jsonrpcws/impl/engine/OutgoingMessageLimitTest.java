package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.impl.connection.PeerConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No message larger than the outgoing limit is sent: such a result is answered with an error, such a
 * notification or request is refused to the code that makes it.
 */
class OutgoingMessageLimitTest {

    public static class Big {
        @JsonRpcMethod
        public String text(int chars) {
            return "é".repeat(chars);
        }
    }

    private final JsonRpcEngine<PeerConnection> engine = Rpc.builder(new Big()).maxOutgoingMessage(200).build();

    @Test
    void aResultOverTheLimitIsAnsweredWithAnError() {
        assertTrue(Rpc.send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"text\",\"params\":[80],\"id\":1}").contains("ééé"),
                "160 bytes of text fit");
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error: the result is larger "
                        + "than a message may be\"},\"id\":1}",
                Rpc.send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"text\",\"params\":[101],\"id\":1}"),
                "101 characters are 202 bytes in UTF-8");
    }

    @Test
    void aNotificationOrRequestOverTheLimitIsRefusedToTheCaller() {
        List<String> sent = new ArrayList<>();
        OutgoingCalls calls = engine.outgoingCalls(sent::add, Runnable::run, Duration.ofSeconds(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calls.notify("push", new Object[]{"x".repeat(300)}));
        assertTrue(e.getMessage().contains("jsonrpcws.max-outgoing-message"), e.getMessage());
        CompletableFuture<Object> request = calls.request("ask", String.class, Duration.ofSeconds(1), new Object[]{"x".repeat(300)});
        ExecutionException failed = assertThrows(ExecutionException.class, request::get);
        assertInstanceOf(IllegalArgumentException.class, failed.getCause());
        calls.notify("push", new Object[]{"small"});
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"push\",\"params\":[\"small\"]}"), sent);
    }
}
