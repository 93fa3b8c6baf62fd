package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.examples.Calculator;
import io.jsonrpcws.examples.ChatMember;
import io.jsonrpcws.examples.ChatRoom;
import org.junit.jupiter.api.Test;

import java.net.URI;
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
                .connect()) {
            double sum = client.call("calc.add", Double.class, 1, 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
            client.call("chat.join", List.class, "alice").toCompletableFuture().get(5, TimeUnit.SECONDS);
            client.notify("chat.say", "hello");
            assertEquals(3.0, sum);
        }
    }
}
