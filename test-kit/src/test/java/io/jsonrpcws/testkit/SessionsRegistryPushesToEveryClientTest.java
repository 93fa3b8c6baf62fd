package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSessions;
import io.jsonrpcws.client.JsonRpcClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service with the injected sessions registry notifies every connected client. A connection is registered
 * before its first frame is read, not before its handshake's answer leaves (the containers write that answer
 * before they open the connection), so each client has one call answered before the broadcast.
 */
@JsonRpcTest(services = SessionsRegistryPushesToEveryClientTest.Newsroom.class)
class SessionsRegistryPushesToEveryClientTest {

    @JsonRpcService("newsroom")
    public static class Newsroom {
        @Inject
        JsonRpcSessions sessions;

        @JsonRpcMethod
        public int count() {
            return sessions.all().size();
        }

        @JsonRpcMethod
        public int publish(String text) {
            return sessions.broadcast("news", text);
        }
    }

    /** A client's handler of the server's {@code news} notifications. */
    public static class Reader {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

        @JsonRpcMethod
        public void news(String text) {
            received.add(text);
        }
    }

    @Test
    void everyOpenSessionIsNotified(URI uri) throws InterruptedException {
        List<Reader> readers = List.of(new Reader(), new Reader(), new Reader());
        List<JsonRpcClient> clients = readers.stream()
                .map(r -> JsonRpcClient.builder(uri).handlers(r).connect())
                .toList();
        try {
            for (int i = 0; i < clients.size(); i++) {
                int registered = Await.result(clients.get(i).call("newsroom.count", Integer.class));
                assertTrue(registered >= i + 1, "a client that had an answer is registered, as are those before it");
            }
            assertEquals(3, Await.result(clients.get(0).call("newsroom.publish", Integer.class, "extra")));
            for (Reader r : readers) {
                assertEquals("extra", r.received.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
        } finally {
            clients.forEach(JsonRpcClient::close);
        }
    }
}
