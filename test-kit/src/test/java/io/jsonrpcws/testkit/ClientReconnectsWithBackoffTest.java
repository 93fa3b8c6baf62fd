package io.jsonrpcws.testkit;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.client.Reconnect;
import io.jsonrpcws.examples.Calculator;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client with {@link Reconnect} survives its server's restart on the same port: calls made while it is away
 * wait and are answered once the client has reconnected; with no server coming back it gives up after its attempts.
 * Starts its own servers, since it stops them.
 */
class ClientReconnectsWithBackoffTest {

    private static JsonRpcServer start(int port) {
        return JsonRpcServer.builder().host("127.0.0.1").port(port).beanClasses(Calculator.class).start();
    }

    @Test
    void theClientReconnectsToARestartedServer() {
        JsonRpcServer first = start(0);
        int port = first.port();
        CompletableFuture<String> closedForGood = new CompletableFuture<>();
        JsonRpcServer second = null;
        try (JsonRpcClient client = JsonRpcClient.builder(first.uri())
                .reconnect(new Reconnect(1_000, Duration.ofMillis(20), Duration.ofMillis(200)))
                .onClose((code, reason) -> closedForGood.complete(code + " " + reason))
                .connect()) {
            assertEquals(3.0, Await.result(client.call("calc.add", Double.class, 1, 2)));

            first.stop();
            Await.until("the client notices the server is gone", () -> !client.isOpen());
            CompletionStage<Double> waiting = client.call("calc.add", Double.class, 1, 2);

            second = start(port);
            Await.until("the client reconnects", client::isOpen);
            assertEquals(3.0, Await.result(waiting), "a call made while away is sent once the client is back");
            assertEquals(7.0, Await.result(client.call("calc.add", Double.class, 3, 4)));
            assertFalse(closedForGood.isDone(), "a reconnection is not a close");
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
        assertEquals("1000 closed by the client", Await.result(closedForGood));
    }

    @Test
    void theClientGivesUpAfterItsAttempts() {
        JsonRpcServer server = start(0);
        CompletableFuture<String> closedForGood = new CompletableFuture<>();
        try (JsonRpcClient client = JsonRpcClient.builder(server.uri())
                .reconnect(new Reconnect(3, Duration.ofMillis(10), Duration.ofMillis(40)))
                .onClose((code, reason) -> closedForGood.complete(reason))
                .connect()) {
            server.stop();
            assertTrue(Await.result(closedForGood).startsWith("gave up reconnecting after 3 attempts"));
            assertFalse(client.isOpen());
        } finally {
            server.stop();
        }
    }
}
