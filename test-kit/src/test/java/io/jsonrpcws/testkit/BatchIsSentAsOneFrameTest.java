package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.client.Batch;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A batch goes out as one frame: the server runs the members of one frame one after the other on one thread
 * (separate frames run in parallel), and each call completes its own stage.
 */
@JsonRpcTest(services = BatchIsSentAsOneFrameTest.Probe.class)
class BatchIsSentAsOneFrameTest {

    @JsonRpcService("probe")
    public static class Probe {
        private final List<String> notified = new CopyOnWriteArrayList<>();

        @JsonRpcMethod
        public String thread(String tag) {
            return tag + "@" + Thread.currentThread().getName();
        }

        @JsonRpcMethod
        public void note(String text) {
            notified.add(text);
        }

        @JsonRpcMethod
        public List<String> notes() {
            return List.copyOf(notified);
        }
    }

    @Test
    void membersRunTogetherAndEachCallGetsItsOwnAnswer(JsonRpcClient client, JsonRpcServer server) {
        Batch batch = client.batch();
        CompletionStage<String> first = batch.call("probe.thread", String.class, "a");
        batch.notify("probe.note", "in the batch");
        CompletionStage<String> second = batch.call(Duration.ofSeconds(10), "probe.thread", String.class, "b");
        CompletionStage<String> missing = batch.call("probe.missing", String.class);
        List<CompletionStage<?>> answers = batch.send();

        assertEquals(List.of(first, second, missing), answers, "send() returns the calls' own stages, in order");
        String a = Await.result(first);
        String b = Await.result(second);
        assertEquals("a", a.substring(0, 1));
        assertEquals("b", b.substring(0, 1));
        assertEquals(a.substring(1), b.substring(1), "members of one frame run on one thread");
        assertEquals(JsonRpcErrorCodes.METHOD_NOT_FOUND,
                assertInstanceOf(JsonRpcException.class, Await.failure(missing)).code());
        Probe probe = server.cdi().select(Probe.class).get();
        Await.until("the batch's notification arrives", () -> probe.notes().contains("in the batch"));
    }

    @Test
    void aBatchIsSentOnceAndNeverEmpty(JsonRpcClient client) {
        assertThrows(IllegalStateException.class, () -> client.batch().send());
        Batch batch = client.batch().notify("probe.note", "once");
        batch.send();
        assertThrows(IllegalStateException.class, batch::send);
        assertThrows(IllegalStateException.class, () -> batch.notify("probe.note", "twice"));
    }
}
