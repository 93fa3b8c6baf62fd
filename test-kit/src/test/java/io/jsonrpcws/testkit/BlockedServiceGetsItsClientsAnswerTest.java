package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.client.JsonRpcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deadlock scenario: a service method blocks its thread waiting for its own client's answer while that
 * client keeps sending calls. The client's answer is read and settled on arrival, not queued behind the calls,
 * so the service gets it. Run by two subclasses: parallel frames (the default) and in-order frames.
 */
abstract class BlockedServiceGetsItsClientsAnswerTest {

    static final int EXTRA_CALLS = 20;

    @JsonRpcService("blocker")
    public static class Blocker {
        /** Blocks until the client answers, as a naive service would. */
        @JsonRpcMethod
        public String awaitClient(JsonRpcSession session) throws InterruptedException, ExecutionException, TimeoutException {
            return session.request("client.value", String.class).toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    /**
     * The client's answer to the blocked service: sent only after it has sent more calls of its own, and,
     * when {@code awaitCalls}, after the server has answered them all.
     */
    public static class ValueHandler {
        private final boolean awaitCalls;
        final List<CompletionStage<Double>> calls = new ArrayList<>();

        ValueHandler(boolean awaitCalls) {
            this.awaitCalls = awaitCalls;
        }

        @JsonRpcMethod("client.value")
        public synchronized String value(JsonRpcClient client) {
            for (int i = 0; i < EXTRA_CALLS; i++) {
                calls.add(client.call("calc.add", Double.class, i, 1));
            }
            if (awaitCalls) {
                calls.forEach(Await::result);
            }
            return "the value";
        }

        synchronized List<CompletionStage<Double>> calls() {
            return List.copyOf(calls);
        }
    }

    static void assertBlockedServiceIsAnswered(JsonRpcClient client, ValueHandler handler) {
        assertEquals("the value",
                Await.result(client.call("blocker.awaitClient", String.class)));
        List<CompletionStage<Double>> calls = handler.calls();
        assertEquals(EXTRA_CALLS, calls.size());
        for (int i = 0; i < EXTRA_CALLS; i++) {
            assertEquals(i + 1.0, Await.result(calls.get(i)));
        }
    }
}
