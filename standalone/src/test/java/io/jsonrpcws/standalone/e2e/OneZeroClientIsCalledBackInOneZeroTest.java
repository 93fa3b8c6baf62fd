package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client whose first message is JSON-RPC 1.0 (a method and no {@code jsonrpc}) gets the server's calls in 1.0
 * over a real socket: notifications with {@code "id": null}, requests with params as an array; its 1.0 answers,
 * a result or an error beside a {@code null}, complete the service's requests.
 */
class OneZeroClientIsCalledBackInOneZeroTest {

    @JsonRpcService("feed")
    public static class Feed {
        @JsonRpcMethod
        public CompletionStage<String> subscribe(JsonRpcSession caller, String topic) {
            caller.notify("feed.item", topic, 1);
            caller.notify("feed.ping");
            return caller.request("feed.confirm", String.class, topic);
        }

        @JsonRpcMethod
        public CompletionStage<String> refused(JsonRpcSession caller) {
            return caller.request("feed.confirm", String.class, "anything").handle((value, failure) ->
                    failure instanceof JsonRpcException e ? "error " + e.code() + ": " + e.getMessage() : "answered " + value);
        }
    }

    @Test
    void callsAndAnswersGoInOneZero() {
        try (JsonRpcServer server = Servers.start(Feed.class);
             WsClient client = WsClient.connect(server.uri())) {
            client.send("{\"method\":\"feed.subscribe\",\"params\":[\"news\"],\"id\":1}");
            assertEquals("{\"method\":\"feed.item\",\"params\":[\"news\",1],\"id\":null}", client.receive());
            assertEquals("{\"method\":\"feed.ping\",\"params\":[],\"id\":null}", client.receive());
            assertEquals("{\"method\":\"feed.confirm\",\"params\":[\"news\"],\"id\":1}", client.receive());
            client.send("{\"result\":\"ok news\",\"error\":null,\"id\":1}");
            assertEquals("{\"result\":\"ok news\",\"error\":null,\"id\":1}", client.receive());

            client.send("{\"method\":\"feed.refused\",\"params\":[],\"id\":2}");
            assertEquals("{\"method\":\"feed.confirm\",\"params\":[\"anything\"],\"id\":2}", client.receive());
            client.send("{\"result\":null,\"error\":{\"code\":5,\"message\":\"not now\"},\"id\":2}");
            assertEquals("{\"result\":\"error 5: not now\",\"error\":null,\"id\":2}", client.receive());
        }
    }
}
