package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A call that times out fails with TimeoutException; its answer, arriving later, is dropped and harms nothing. */
@JsonRpcTest(services = TimedOutCallsDropTheirLateAnswersTest.Gate.class)
class TimedOutCallsDropTheirLateAnswersTest {

    @JsonRpcService("gate")
    public static class Gate {
        private final CountDownLatch open = new CountDownLatch(1);

        @JsonRpcMethod
        public String pass() throws InterruptedException {
            open.await(30, TimeUnit.SECONDS);
            return "late";
        }

        @JsonRpcMethod
        public void open() {
            open.countDown();
        }

        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void theLateAnswerIsDroppedAndTheConnectionStaysUsable(JsonRpcClient client, JsonRpcServer server) {
        assertInstanceOf(TimeoutException.class,
                Await.failure(client.call(Duration.ofMillis(200), "gate.pass", String.class)));

        // the server now answers the timed-out call; the client has forgotten it
        Await.result(client.call("gate.open", Void.class));
        assertEquals("still here", Await.result(client.call("gate.echo", String.class, "still here")));
        assertTrue(client.isOpen());
    }
}
