package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.NonBlocking;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A {@code @NonBlocking} method runs on the thread that read its frame; any other method runs on the call
 * executor; with in-order processing every frame keeps to the queue and the executor.
 */
class NonBlockingMethodsRunOnTheReadingThreadTest {

    /** Names of the threads that run its methods. */
    @JsonRpcService("where")
    public static class WhereService {
        @JsonRpcMethod
        public String blocking() {
            return kind();
        }

        @NonBlocking
        @JsonRpcMethod
        public String nonBlocking() {
            return kind();
        }

        /** "executor" for the runtime's own call threads (named, or virtual and unnamed), else the thread's name. */
        private static String kind() {
            String name = Thread.currentThread().getName();
            return name.isEmpty() || name.startsWith("jsonrpcws-call-") ? "executor" : name;
        }
    }

    private static String call(WsClient client, String method, int id) {
        return client.call("{\"jsonrpc\":\"2.0\",\"method\":\"where." + method + "\",\"id\":" + id + "}")
                .getString("result");
    }

    @Test
    void nonBlockingMethodRunsWhereItsFrameWasRead() {
        try (JsonRpcServer server = Servers.start(WhereService.class);
             WsClient client = WsClient.connect(server.uri())) {
            assertEquals("executor", call(client, "blocking", 1));
            String reader = call(client, "nonBlocking", 2);
            assertNotEquals("executor", reader, "a @NonBlocking method skips the executor");
            assertFalse(reader.isEmpty());
        }
    }

    @Test
    void inOrderProcessingKeepsEveryFrameOnTheQueue() {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.in-order", "true"), WhereService.class);
             WsClient client = WsClient.connect(server.uri())) {
            assertEquals("executor", call(client, "nonBlocking", 1));
            assertEquals("executor", call(client, "blocking", 2));
        }
    }
}
