package io.jsonrpcws.impl.connection;

import io.jsonrpcws.impl.codec.Limits;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.NonBlocking;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where and when a connection's frames run, with a real engine and real threads. */
class FrameSchedulerTest {

    public static class Service {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicReference<Thread> ranOn = new AtomicReference<>();

        @JsonRpcMethod
        public String block() throws InterruptedException {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "released";
        }

        final CountDownLatch interrupted = new CountDownLatch(1);

        @JsonRpcMethod
        public String sleepy() {
            try {
                Thread.sleep(10_000);
                return "woke";
            } catch (InterruptedException e) {
                interrupted.countDown();
                return "interrupted";
            }
        }

        @JsonRpcMethod
        public String quick() {
            return "quick";
        }

        @NonBlocking
        @JsonRpcMethod
        public String here() {
            ranOn.set(Thread.currentThread());
            return "here";
        }

        @JsonRpcMethod
        public CompletionStage<String> askPeer(String question) {
            return connection.get().outgoingCalls().request("peer.answer", String.class,
                    java.time.Duration.ofSeconds(5), new Object[]{question});
        }

        final AtomicReference<PeerConnection> connection = new AtomicReference<>();
    }

    private final Service service = new Service();
    private final JsonRpcEngine<PeerConnection> engine = JsonRpcEngine.<PeerConnection>builder()
            .methods(PlainServices.table(new ServiceModel(List.of()), service)).build();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SerialSenderTest.ManualTransport transport = new SerialSenderTest.ManualTransport();
    private final RecordingConnection connection = new RecordingConnection();
    private final SerialSender sender = new SerialSender(transport, 1 << 20, connection, SendBudget.unbounded(), Runnable::run);

    {
        transport.completeInline = true;
        connection.callsThrough(engine, sender, Runnable::run);
        service.connection.set(connection);
    }

    @AfterEach
    void stop() throws InterruptedException {
        service.release.countDown();
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    private FrameScheduler<PeerConnection> scheduler(int maxInFlight, int maxPending) {
        return new FrameScheduler<>(engine, connection, executor, new FrameScheduler.Limits(maxInFlight, maxPending), sender);
    }

    private static String call(String method, int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":" + id + "}";
    }

    private void awaitSent(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (transport.sent.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(transport.sent.size() >= count, () -> "sent: " + List.copyOf(transport.sent));
    }

    @Test
    void inOrderARefusedFrameIsAnsweredAfterTheCallBeforeIt() throws InterruptedException {
        FrameScheduler<PeerConnection> frames = scheduler(1, 10);
        frames.onText(call("block", 1));
        assertTrue(service.started.await(10, TimeUnit.SECONDS));
        frames.onText(call("nosuch", 2));
        frames.onText("{not json");
        frames.onText(call("quick", 3));
        Thread.sleep(100);
        assertEquals(List.of(), transport.sent, "nothing overtakes the call still running");
        service.release.countDown();
        awaitSent(4);
        assertTrue(transport.sent.get(0).contains("\"released\""), transport.sent::toString);
        assertTrue(transport.sent.get(1).contains("-32601"), transport.sent::toString);
        assertTrue(transport.sent.get(2).contains("-32700"), transport.sent::toString);
        assertTrue(transport.sent.get(3).contains("\"quick\""), transport.sent::toString);
    }

    @Test
    void outOfOrderACallIsAnsweredWhileAnotherBlocks() throws InterruptedException {
        FrameScheduler<PeerConnection> frames = scheduler(4, 10);
        frames.onText(call("block", 1));
        assertTrue(service.started.await(10, TimeUnit.SECONDS));
        frames.onText(call("quick", 2));
        awaitSent(1);
        assertTrue(transport.sent.get(0).contains("\"quick\""), transport.sent::toString);
    }

    @Test
    void theAnswerToThisSidesCallReachesAMethodThatWaitsForItInOrder() throws InterruptedException {
        FrameScheduler<PeerConnection> frames = scheduler(1, 10);
        frames.onText("{\"jsonrpc\":\"2.0\",\"method\":\"askPeer\",\"params\":[\"why\"],\"id\":7}");
        awaitSent(1);
        assertTrue(transport.sent.get(0).contains("\"peer.answer\""), transport.sent::toString);
        String id = transport.sent.get(0).replaceAll(".*\"id\":(\\d+).*", "$1");
        frames.onText("{\"jsonrpc\":\"2.0\",\"result\":\"because\",\"id\":" + id + "}");
        awaitSent(2);
        assertTrue(transport.sent.get(1).contains("\"because\"") && transport.sent.get(1).contains("\"id\":7"),
                transport.sent::toString);
    }

    @Test
    void aFloodBeyondThePendingLimitClosesWith1008() throws InterruptedException {
        FrameScheduler<PeerConnection> frames = scheduler(1, 2);
        frames.onText(call("block", 1));
        assertTrue(service.started.await(10, TimeUnit.SECONDS));
        frames.onText(call("quick", 2));
        frames.onText(call("quick", 3));
        assertEquals(List.of(), connection.closings);
        frames.onText(call("quick", 4));
        assertEquals(List.of("1008 too many calls in flight"), connection.closings);
        service.release.countDown();
        Thread.sleep(100);
        assertEquals(1, transport.sent.size(), "the frames that waited are dropped: " + transport.sent);
    }

    @Test
    void aNonBlockingMethodRunsOnTheReadingThreadOutOfOrder() {
        scheduler(4, 10).onText(call("here", 1));
        assertEquals(Thread.currentThread(), service.ranOn.get());
        assertTrue(transport.sent.get(0).contains("\"here\""));
    }

    @Test
    void aRefusingExecutorClosesWith1013() {
        executor.shutdown();
        scheduler(4, 10).onText(call("quick", 1));
        assertEquals(List.of("1013 server is shutting down or overloaded"), connection.closings);
    }

    @Test
    void aFramePastTheCallLimitIsAnsweredWithTheTimeOutErrorAndItsThreadInterrupted() throws InterruptedException {
        var timer = Executors.newSingleThreadScheduledExecutor();
        try {
            FrameScheduler<PeerConnection> frames = new FrameScheduler<>(engine, connection, executor,
                    new FrameScheduler.Limits(1, 10), sender, new FrameScheduler.CallLimit(timer, java.time.Duration.ofMillis(200)));
            long start = System.nanoTime();
            frames.onText(call("sleepy", 1));
            frames.onText(call("quick", 2));
            awaitSent(2);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32012,\"message\":\"Timed out\"},\"id\":1}",
                    transport.sent.get(0));
            assertTrue(transport.sent.get(1).contains("\"quick\""), "the next frame ran: " + transport.sent);
            assertTrue(service.interrupted.await(5, TimeUnit.SECONDS), "the method's thread was interrupted");
            assertTrue(millis >= 190 && millis < 5_000, "answered after " + millis + " ms");
            Thread.sleep(100);
            assertEquals(2, transport.sent.size(), "the interrupted method's own result is dropped: " + transport.sent);
        } finally {
            timer.shutdownNow();
        }
    }
}
