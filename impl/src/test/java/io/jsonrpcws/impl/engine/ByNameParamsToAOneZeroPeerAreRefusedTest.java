package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.protocol.PeerProtocol;

import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.connection.PeerConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON-RPC 1.0 params are always an array: by-name params for a peer that speaks 1.0 are refused to the caller,
 * a notification with an {@link IllegalStateException}, a request with a stage failed by one; nothing is sent, and
 * positional params still go.
 */
class ByNameParamsToAOneZeroPeerAreRefusedTest {

    private final JsonRpcEngine<PeerConnection> engine = Rpc.engine(new Object());

    @Test
    void byNameIsRefusedAndNothingIsSent() {
        Peer peer = new Peer(engine, PeerProtocol.AUTO);
        peer.receive(engine, "{\"method\":\"unknown\",\"params\":[],\"id\":null}");
        OutgoingCalls calls = peer.outgoingCalls();
        Params named = Params.named().with("subscription", "0x1");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> calls.notify("feed.update", named));
        assertTrue(refused.getMessage().contains("JSON-RPC 1.0"), refused.getMessage());
        assertTrue(refused.getMessage().contains("feed.update"), refused.getMessage());

        CompletableFuture<Object> request = calls.request("feed.ask", String.class, Duration.ofSeconds(5), named);
        Throwable failure = assertThrows(CompletionException.class, request::join).getCause();
        assertInstanceOf(IllegalStateException.class, failure);
        assertTrue(failure.getMessage().contains("by name"), failure.getMessage());

        assertEquals(List.of(), peer.sent);
        calls.notify("feed.update", Params.byPosition("0x1"));
        assertEquals(List.of("{\"method\":\"feed.update\",\"params\":[\"0x1\"],\"id\":null}"), peer.sent);
    }
}
