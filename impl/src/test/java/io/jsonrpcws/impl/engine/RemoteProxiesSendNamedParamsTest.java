package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.protocol.PeerProtocol;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParam;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.NamedParams;
import io.jsonrpcws.impl.connection.PeerConnection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A typed proxy sends the params of a {@link NamedParams} method (or of every method of a {@code @NamedParams}
 * interface) as an object named after the Java parameters or their {@link JsonRpcParam}; other methods still send
 * an array.
 */
class RemoteProxiesSendNamedParamsTest {

    @JsonRpcService("feed")
    public interface Subscriber {
        @JsonRpcMethod
        @NamedParams
        void update(String subscription, int result);

        @JsonRpcMethod("confirm")
        @NamedParams
        CompletionStage<Boolean> confirmIt(@JsonRpcParam("order_id") long orderId, String note);

        @JsonRpcMethod
        void plain(String subscription, int result);
    }

    @NamedParams
    public interface Everything {
        @JsonRpcMethod
        void one(String a);

        @JsonRpcMethod
        void none();
    }

    private final JsonRpcEngine<PeerConnection> engine = Rpc.engine(new Object());
    private final Peer peer = new Peer(engine, PeerProtocol.AUTO);

    @Test
    void namedMethodsSendAnObject() {
        Subscriber subscriber = RemoteProxies.create(Subscriber.class, peer.outgoingCalls());
        subscriber.update("0x1", 7);
        subscriber.confirmIt(42, null);
        subscriber.plain("0x1", 7);
        Everything everything = RemoteProxies.create(Everything.class, peer.outgoingCalls());
        everything.one("x");
        everything.none();
        assertEquals(List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"feed.update\",\"params\":{\"subscription\":\"0x1\",\"result\":7}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"feed.confirm\",\"params\":{\"order_id\":42,\"note\":null},\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"feed.plain\",\"params\":[\"0x1\",7]}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"one\",\"params\":{\"a\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"params\":{}}"), peer.sent);
    }
}
