package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.JsonRpcSessions;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JSON-RPC 1.0 has no by-name params: a service that sends them to a 1.0 client is refused with an
 * {@link IllegalStateException} saying so (a request's stage fails with it), and a by-name broadcast leaves 1.0
 * clients out while 2.0 clients get an object.
 */
class ByNameParamsNeverReachAOneZeroClientTest {

    @JsonRpcService("feed")
    public static class Feed {
        @JsonRpcMethod
        public String notifyByName(JsonRpcSession caller) {
            try {
                caller.notify("feed.item", Params.named().with("subscription", "0x1"));
                return "sent";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }

        @JsonRpcMethod
        public CompletionStage<String> requestByName(JsonRpcSession caller) {
            return caller.request("feed.confirm", String.class, Params.named().with("subscription", "0x1"))
                    .handle((value, failure) -> failure == null ? "answered " + value
                            : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
    }

    @Test
    void theServiceIsToldAndTheBroadcastLeavesTheClientOut() {
        try (JsonRpcServer server = Servers.start(Feed.class);
             WsClient oneZero = WsClient.connect(server.uri());
             WsClient twoZero = WsClient.connect(server.uri())) {
            String refusal = "the peer speaks JSON-RPC 1.0, whose params are always an array: feed.item cannot be sent "
                    + "with params by name (send them by position)";
            assertEquals("{\"result\":\"" + refusal + "\",\"error\":null,\"id\":1}",
                    oneZero.call("{\"method\":\"feed.notifyByName\",\"params\":[],\"id\":1}").toString());
            assertEquals("{\"result\":\"IllegalStateException: " + refusal.replace("feed.item", "feed.confirm")
                            + "\",\"error\":null,\"id\":2}",
                    oneZero.call("{\"method\":\"feed.requestByName\",\"params\":[],\"id\":2}").toString());
            twoZero.send("{\"jsonrpc\":\"2.0\",\"method\":\"feed.notifyByName\",\"id\":1}");
            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"feed.item\",\"params\":{\"subscription\":\"0x1\"}}",
                    twoZero.receive());
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"sent\",\"id\":1}", twoZero.receive());

            JsonRpcSessions sessions = Servers.sessions(server);
            assertEquals(1, sessions.broadcast("feed.item", Params.named().with("result", 7)), "the 2.0 client only");
            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"feed.item\",\"params\":{\"result\":7}}", twoZero.receive());
            assertEquals(2, sessions.broadcast("feed.item", Params.byPosition(8)));
            assertEquals("{\"method\":\"feed.item\",\"params\":[8],\"id\":null}", oneZero.receive());
            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"feed.item\",\"params\":[8]}", twoZero.receive());
            assertEquals(List.of(), oneZero.unread(), "nothing by name reached the 1.0 client");
        }
    }
}
