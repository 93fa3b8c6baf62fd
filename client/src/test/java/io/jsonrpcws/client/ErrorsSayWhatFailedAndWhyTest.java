package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a user reads when something fails: a refused port and a handshake answered 404 say so (the JDK's exception
 * kept as the cause), a call without an answer names its method, id and timeout, and an error's data is JSON.
 */
class ErrorsSayWhatFailedAndWhyTest {

    @JsonRpcService("slow")
    public static class Slow {
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @JsonRpcMethod
        public String waitForRelease() throws InterruptedException {
            RELEASE.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return "released";
        }

        public record Limit(int max, int length) {
        }

        @JsonRpcMethod
        public void refuse() {
            throw new JsonRpcException(2, "too long", new Limit(2000, 2001));
        }

        @JsonRpcMethod
        public void refuseBare() {
            throw new JsonRpcException(3, "no data");
        }
    }

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        server = JsonRpcServer.builder().host("127.0.0.1").port(0).config(RuntimeConfig.defaults())
                .beanClasses(Slow.class).start();
    }

    @AfterAll
    static void stop() {
        Slow.RELEASE.countDown();
        server.stop();
    }

    @Test
    void aRefusedPortSaysConnectionRefused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI uri = URI.create("ws://127.0.0.1:" + port + "/jsonrpc");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JsonRpcClient.connect(uri));
        assertEquals("cannot connect to " + uri + ": connection refused", e.getMessage());
        assertInstanceOf(ConnectException.class, e.getCause().getCause(), "the JDK's exception is kept");
    }

    @Test
    void aHandshakeAnsweredWithAnHttpStatusSaysWhich() {
        URI uri = server.uri().resolve("/nowhere");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JsonRpcClient.connect(uri));
        assertEquals("cannot connect to " + uri + ": the server answered the WebSocket handshake with HTTP 404 instead of 101",
                e.getMessage());
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause().getCause(), "the JDK's exception is kept");
    }

    @Test
    void aCallWithoutAnAnswerNamesItsMethodIdAndTimeout() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            Throwable late = Await.failure(client.call(Duration.ofMillis(300), "slow.waitForRelease", String.class));
            assertEquals("no answer to slow.waitForRelease (id 1) within 300 ms",
                    assertInstanceOf(TimeoutException.class, late).getMessage());
            Throwable later = Await.failure(client.call(Duration.ofMillis(1500), "slow.waitForRelease", String.class));
            assertEquals("no answer to slow.waitForRelease (id 2) within 1.5 s", later.getMessage());
        }
    }

    @Test
    void anErrorsDataIsJson() {
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            JsonRpcException refused = assertInstanceOf(JsonRpcException.class,
                    Await.failure(client.call("slow.refuse", Void.class)));
            assertEquals(2, refused.code());
            assertEquals("too long", refused.getMessage());
            assertEquals(Json.createObjectBuilder().add("length", 2001).add("max", 2000).build(), refused.data());
            assertEquals(refused.data(), refused.dataObject());

            JsonRpcException bare = assertInstanceOf(JsonRpcException.class,
                    Await.failure(client.call("slow.refuseBare", Void.class)));
            assertNull(bare.data());
        }
    }
}
