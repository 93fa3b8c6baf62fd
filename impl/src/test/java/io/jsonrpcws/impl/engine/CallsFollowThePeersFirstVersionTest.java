package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.protocol.PeerProtocol;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.protocol.Version;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * With the version learnt ({@link PeerProtocol#AUTO}), calls to the peer are JSON-RPC 2.0 until the peer's first
 * message; a first message of 1.0 (a method and no {@code jsonrpc}) makes every later call 1.0 (notifications with
 * {@code "id": null}, params always an array), whatever the peer sends next, and 1.0 answers (both
 * {@code result} and {@code error}) complete the calls.
 */
class CallsFollowThePeersFirstVersionTest {

    public static class Echo {
        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }
    }

    private final JsonRpcEngine<PeerConnection> engine = Rpc.engine(new Echo());
    private final Peer peer = new Peer(engine, PeerProtocol.AUTO);
    private final OutgoingCalls calls = peer.outgoingCalls();

    @Test
    void aOneZeroPeerIsCalledInOneZeroFromItsFirstMessageOn() {
        calls.notify("early", new Object[]{1});
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"early\",\"params\":[1]}", peer.sent.get(0), "2.0 until the peer speaks");

        assertEquals("{\"result\":\"hi\",\"error\":null,\"id\":1}",
                peer.receive(engine, "{\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}"));
        assertEquals(Version.V1_0, calls.version());

        calls.notify("feed.item", new Object[]{"x", 2});
        calls.notify("feed.ping", new Object[0]);
        CompletableFuture<String> answered = calls.request("feed.ask", String.class, Duration.ofSeconds(5), new Object[]{"q"});
        CompletableFuture<String> refused = calls.request("feed.ask", String.class, Duration.ofSeconds(5), new Object[]{"r"});
        CompletableFuture<String> terse = calls.request("feed.ask", String.class, Duration.ofSeconds(5), new Object[]{"s"});
        assertEquals(List.of(
                "{\"method\":\"feed.item\",\"params\":[\"x\",2],\"id\":null}",
                "{\"method\":\"feed.ping\",\"params\":[],\"id\":null}",
                "{\"method\":\"feed.ask\",\"params\":[\"q\"],\"id\":1}",
                "{\"method\":\"feed.ask\",\"params\":[\"r\"],\"id\":2}",
                "{\"method\":\"feed.ask\",\"params\":[\"s\"],\"id\":3}"), peer.sent.subList(1, peer.sent.size()));

        assertEquals(null, peer.receive(engine, "{\"result\":\"yes\",\"error\":null,\"id\":1}"));
        assertEquals(null, peer.receive(engine, "{\"result\":null,\"error\":{\"code\":7,\"message\":\"no\"},\"id\":2}"));
        assertEquals(null, peer.receive(engine, "{\"result\":null,\"error\":\"not today\",\"id\":3}"));
        assertEquals("yes", answered.join());
        JsonRpcException error = assertInstanceOf(JsonRpcException.class,
                assertThrows(CompletionException.class, refused::join).getCause());
        assertEquals(7, error.code());
        assertEquals("no", error.getMessage());
        JsonRpcException bare = assertInstanceOf(JsonRpcException.class,
                assertThrows(CompletionException.class, terse::join).getCause());
        assertEquals("not today", bare.getMessage(), "a 1.0 error may be a bare string");

        peer.receive(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"later\"],\"id\":2}");
        calls.notify("feed.item", new Object[]{"y"});
        assertEquals("{\"method\":\"feed.item\",\"params\":[\"y\"],\"id\":null}", peer.sent.get(peer.sent.size() - 1),
                "the first message decides");
    }

    @Test
    void aTwoZeroPeerStaysTwoZeroAndAMessageOfNeitherVersionDecidesNothing() {
        peer.receive(engine, "{\"foo\":\"boo\"}");
        peer.receive(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"]}");
        peer.receive(engine, "{\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}");
        calls.notify("feed.item", new Object[]{"x"});
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"feed.item\",\"params\":[\"x\"]}", peer.sent.get(0));
    }

    @Test
    void aConfiguredVersionIsKeptWhateverThePeerSends() {
        Peer oneZero = new Peer(engine, PeerProtocol.V1_0);
        oneZero.outgoingCalls().notify("before", new Object[]{1});
        oneZero.receive(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}");
        oneZero.outgoingCalls().notify("after", new Object[]{2});
        assertEquals(List.of("{\"method\":\"before\",\"params\":[1],\"id\":null}",
                "{\"method\":\"after\",\"params\":[2],\"id\":null}"), oneZero.sent);

        Peer twoZero = new Peer(engine, PeerProtocol.V2_0);
        twoZero.receive(engine, "{\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}");
        twoZero.outgoingCalls().notify("after", new Object[]{2});
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"after\",\"params\":[2]}"), twoZero.sent);
    }
}
