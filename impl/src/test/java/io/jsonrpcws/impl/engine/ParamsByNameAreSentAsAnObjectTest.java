package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.protocol.PeerProtocol;

import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.connection.PeerConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link Params} chooses the form of a call's params: by name, one JSON object whose members keep their order
 * and whose values go through JSON-B; by position, an array, left out when empty as before.
 */
class ParamsByNameAreSentAsAnObjectTest {

    public record Item(String title, int rank) {
    }

    private final JsonRpcEngine<PeerConnection> engine = Rpc.engine(new Object());
    private final Peer peer = new Peer(engine, PeerProtocol.AUTO);
    private final OutgoingCalls calls = peer.outgoingCalls();

    @Test
    void namedParamsAreAnObjectInTheirOrder() {
        calls.notify("eth_subscription", Params.named().with("subscription", "0x9c").with("result", new Item("news", 1)));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("z", null);
        members.put("a", List.of(1, 2));
        calls.request("feed.ask", String.class, Duration.ofSeconds(5), Params.byName(members));
        calls.notify("feed.none", Params.named());
        calls.notify("feed.positional", Params.byPosition("x", null));
        calls.notify("feed.empty", Params.byPosition());
        assertEquals(List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"0x9c\",\"result\":{\"rank\":1,\"title\":\"news\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"feed.ask\",\"params\":{\"z\":null,\"a\":[1,2]},\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"feed.none\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"feed.positional\",\"params\":[\"x\",null]}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"feed.empty\"}"), peer.sent);
    }

    @Test
    void paramsAreValuesThatRefuseAmbiguity() {
        Params.ByName named = Params.named().with("a", 1);
        assertThrows(IllegalArgumentException.class, () -> named.with("a", 2), "one name, one member");
        assertEquals(Map.of("a", 1, "b", 2), named.with("b", 2).members());
        assertEquals(Map.of("a", 1), named.members(), "with(...) leaves the original as it was");
        assertThrows(NullPointerException.class, () -> Params.byPosition((Object[]) null));
        assertEquals(Arrays.asList((Object) null), Params.byPosition((Object) null).values());
        Object[] given = {"x"};
        Params.ByPosition copy = Params.byPosition(given);
        given[0] = "changed";
        assertEquals(List.of("x"), copy.values(), "the values are copied");
    }
}
