package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A method returning a {@link CompletionStage} is answered when the stage completes, on whatever thread
 * completes it; a stage that fails answers an error; {@code null} instead of a stage is an internal error.
 */
class AsyncResultTest {

    public static class Later {
        final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

        @JsonRpcMethod
        public CompletionStage<String> later(String key) {
            return pending.computeIfAbsent(key, k -> new CompletableFuture<>());
        }

        @JsonRpcMethod
        public CompletionStage<Integer> now(int n) {
            return CompletableFuture.completedFuture(n);
        }

        @JsonRpcMethod
        public CompletionStage<Void> done() {
            return CompletableFuture.completedFuture(null);
        }

        @JsonRpcMethod
        public CompletionStage<String> refused() {
            return CompletableFuture.failedFuture(new JsonRpcException(-32001, "refused later", "why"));
        }

        @JsonRpcMethod
        public CompletionStage<String> broken() {
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("secret");
            });
        }

        @JsonRpcMethod
        public CompletionStage<String> none() {
            return null;
        }
    }

    private final Later later = new Later();
    private final JsonRpcEngine engine = Rpc.engine(later);
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    private CompletableFuture<String> handle(String frame) {
        return engine.handle(frame, null).toCompletableFuture();
    }

    @Test
    void answerWaitsForTheStageCompletedOnAnotherThread() throws Exception {
        CompletableFuture<String> answer = handle("{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"a\"],\"id\":1}");
        assertFalse(answer.isDone(), "no answer before the stage completes");
        other.submit(() -> later.pending.get("a").complete("finally"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"finally\",\"id\":1}", answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void completedStagesAnswerAtOnce() {
        CompletableFuture<String> answer = handle("{\"jsonrpc\":\"2.0\",\"method\":\"now\",\"params\":[3],\"id\":1}");
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}", answer.getNow(null));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":2}", send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"done\",\"id\":2}"));
    }

    @Test
    void failedStagesAnswerErrors() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"refused later\",\"data\":\"why\"},\"id\":1}",
                send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"refused\",\"id\":1}"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":2}",
                send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"broken\",\"id\":2}"));
    }

    @Test
    void nullInsteadOfAStageIsAnInternalError() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}",
                send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"none\",\"id\":1}"));
    }

    @Test
    void batchWaitsForAllAndKeepsRequestOrder() throws Exception {
        CompletableFuture<String> answer = handle("["
                + "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"first\"],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"now\",\"params\":[2],\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"second\"],\"id\":3},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"ignored\"]}"
                + "]");
        other.submit(() -> later.pending.get("second").complete("b")).get();
        assertFalse(answer.isDone(), "the batch answers once every call has");
        other.submit(() -> later.pending.get("first").complete("a"));
        assertEquals("[{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"result\":\"b\",\"id\":3}]", answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void notificationsOfAsyncMethodsAnswerNothing() {
        assertNull(handle("{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"n\"]}").getNow("not done"));
        assertNull(send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"broken\"}"));
        assertNull(send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"none\"}"));
        assertEquals(List.of("n"), List.copyOf(later.pending.keySet()));
    }
}
