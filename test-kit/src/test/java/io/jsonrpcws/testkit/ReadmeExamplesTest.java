package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.client.Reconnect;
import io.jsonrpcws.client.TypeRef;
import io.jsonrpcws.examples.Calculator;
import io.jsonrpcws.examples.ChatMember;
import io.jsonrpcws.examples.ChatRoom;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's Java client example, as written there but for the server's URI. */
@JsonRpcTest(services = {Calculator.class, ChatMember.class, ChatRoom.class})
class ReadmeExamplesTest {

    @Test
    void theJavaClientExampleRuns(URI uri) throws Exception {
        try (JsonRpcClient client = JsonRpcClient.builder(uri)
                .handlers(new Object() {
                    @JsonRpcMethod("chat.message")
                    public void message(ChatRoom.Message m) {
                        System.out.println(m.from() + ": " + m.text());
                    }
                })
                .reconnect(new Reconnect(10, Duration.ofMillis(500), Duration.ofSeconds(30)))
                .onOpen((connection, attempt) -> connection.call("chat.join", new TypeRef<List<ChatRoom.Message>>() {}, "alice")
                        .toCompletableFuture().get(5, TimeUnit.SECONDS))     // on every open: joins the room again
                .connect()) {
            double sum = client.call("calc.add", Double.class, 1, 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
            client.notify("chat.say", "hello");
            assertEquals(3.0, sum);
            // the hook joined the room on this connection
            assertEquals("alice", client.call("chat.whoami", String.class).toCompletableFuture().get(5, TimeUnit.SECONDS));
        }
    }
}
