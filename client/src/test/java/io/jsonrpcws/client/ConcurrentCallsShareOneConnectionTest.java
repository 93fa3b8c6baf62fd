package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Many threads calling over one client share its one sender and its one connection: every call is answered with
 * its own result, in whatever order the answers come; once the client is closed, calls fail at once.
 */
class ConcurrentCallsShareOneConnectionTest {

    @JsonRpcService("echo")
    public static class Echo {
        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }
    }

    private static JsonRpcServer server;

    @BeforeAll
    static void start() {
        // 8 threads put 2,000 calls in flight at once: more frames than a server waits for by default on one
        // connection (1,024) before it takes them for a flood and closes it with 1008
        server = JsonRpcServer.builder().host("127.0.0.1").port(0)
                .config(RuntimeConfig.builder().set("jsonrpcws.max-pending-frames", "4096").build())
                .beanClasses(Echo.class).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everyCallOfEveryThreadGetsItsOwnAnswer() throws Exception {
        int threads = 8;
        int calls = 250;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try (JsonRpcClient client = JsonRpcClient.connect(server.uri())) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(callers.submit(() -> {
                    List<CompletableFuture<String>> answers = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        answers.add(client.call("echo.echo", String.class, thread + ":" + i).toCompletableFuture());
                    }
                    List<String> texts = new ArrayList<>();
                    for (CompletableFuture<String> answer : answers) {
                        texts.add(answer.get(30, TimeUnit.SECONDS));
                    }
                    return texts;
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<String> texts = results.get(t).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < calls; i++) {
                    assertEquals(t + ":" + i, texts.get(i));
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void callsAfterCloseFailAtOnce() {
        JsonRpcClient client = JsonRpcClient.connect(server.uri());
        client.close();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.call("echo.echo", String.class, "late").toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionClosedException.class, e.getCause());
    }
}
