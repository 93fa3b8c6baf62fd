package io.jsonrpcws.impl.connection;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one sender of a connection: order, one send in flight, bounds, and no silent failure. */
class SerialSenderTest {

    /** A transport that completes sends when the test says, and records what went out. */
    static final class ManualTransport implements SerialSender.Transport {
        final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Consumer<Throwable>> pending = new ArrayList<>();
        volatile Throwable throwOnSend;
        volatile boolean completeInline;

        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            if (throwOnSend != null) {
                sneakyThrow(throwOnSend);
            }
            sent.add(text);
            if (completeInline) {
                done.accept(null);
            } else {
                synchronized (pending) {
                    pending.add(done);
                }
            }
        }

        @Override
        public void sendClose(int code, String reason) {
            sent.add("close " + code + " " + reason);
        }

        void completeNext(Throwable failure) {
            Consumer<Throwable> done;
            synchronized (pending) {
                done = pending.remove(0);
            }
            done.accept(failure);
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
            throw (T) t;
        }
    }

    private final ManualTransport transport = new ManualTransport();
    private final RecordingConnection connection = new RecordingConnection();

    /**
     * A subscription's shape: each frame written lets the next be queued, and the transport completes at once. The
     * thread that sent the first frame gets back after a burst, and the executor goes on, a burst per task, in order.
     */
    @Test
    void aSenderFedByItsOwnCompletionsGivesItsThreadBackAfterABurst() {
        transport.completeInline = true;
        List<Runnable> executor = new ArrayList<>();
        SerialSender sender = new SerialSender(transport, 1_000_000, connection, SendBudget.unbounded(), executor::add);
        int items = 100;
        Runnable[] next = new Runnable[1];
        int[] queued = {0};
        next[0] = () -> {
            if (queued[0] < items) {
                sender.send("item " + ++queued[0], next[0]);
            }
        };

        sender.send("answer", next[0]);
        assertEquals(SerialSender.BURST, transport.sent.size(), "frames sent before the thread got back");
        int tasks = 0;
        while (!executor.isEmpty()) {
            executor.remove(0).run();
            tasks++;
            assertTrue(transport.sent.size() <= SerialSender.BURST * (tasks + 1), "a task sent more than a burst");
        }

        List<String> expected = new ArrayList<>(List.of("answer"));
        for (int i = 1; i <= items; i++) {
            expected.add("item " + i);
        }
        assertEquals(expected, transport.sent);
        assertEquals(3, tasks);
        sender.send("after");
        assertEquals("after", transport.sent.get(transport.sent.size() - 1), "the sender is idle again, and sends at once");
    }

    @Test
    void oneSendInFlightTheRestInOrder() {
        SerialSender sender = new SerialSender(transport, 1_000, connection, SendBudget.unbounded(), Runnable::run);
        sender.send("a");
        sender.send("b");
        sender.send("c");
        assertEquals(List.of("a"), transport.sent);
        transport.completeNext(null);
        assertEquals(List.of("a", "b"), transport.sent);
        transport.completeNext(null);
        transport.completeNext(null);
        assertEquals(List.of("a", "b", "c"), transport.sent);
        assertEquals(List.of(), connection.closings);
    }

    @Test
    void sendsCompletedInlineDoNotRecurse() {
        transport.completeInline = true;
        SerialSender sender = new SerialSender(transport, 1_000, connection, SendBudget.unbounded(), Runnable::run);
        // a recursive pump would overflow the stack long before this
        for (int i = 0; i < 200_000; i++) {
            sender.send("x");
        }
        assertEquals(200_000, transport.sent.size());
    }

    @Test
    void aPeerThatDoesNotReadIsClosedWith1008AndNothingMoreIsQueued() {
        SerialSender sender = new SerialSender(transport, 10, connection, SendBudget.unbounded(), Runnable::run);
        sender.send("first");
        sender.send("12345");
        sender.send("67890");
        assertEquals(List.of(), connection.closings);
        sender.send("!");
        assertEquals(List.of("1008 peer is not reading"), connection.closings);
        assertEquals(0, sender.queued());
        sender.send("later");
        transport.completeNext(null);
        assertEquals(List.of("first"), transport.sent);
    }

    @Test
    void anErrorThrownBySendingClosesWith1011AndTheSenderStaysUsable() {
        // as the container's UTF-8 encoder does on a lone surrogate
        transport.throwOnSend = new Error(new CharacterCodingException());
        SerialSender sender = new SerialSender(transport, 1_000, connection, SendBudget.unbounded(), Runnable::run);
        sender.send("\ud800");
        assertEquals(List.of("1011 sending failed"), connection.closings);
        transport.throwOnSend = null;
        sender.send("after");
        assertEquals(List.of(), transport.sent, "nothing is sent on a connection that failed");
        assertEquals(List.of("1011 sending failed"), connection.closings, "closed once");
    }

    @Test
    void aSendThatFailsLaterClosesWith1011AndDropsTheQueue() {
        SerialSender sender = new SerialSender(transport, 1_000, connection, SendBudget.unbounded(), Runnable::run);
        sender.send("a");
        sender.send("b");
        transport.completeNext(new IOException("broken pipe"));
        assertEquals(List.of("1011 sending failed"), connection.closings);
        assertEquals(List.of("a"), transport.sent);
        assertEquals(0, sender.queued());
    }

    @Test
    void aCloseFrameFollowsTheFramesQueuedBeforeIt() {
        SerialSender sender = new SerialSender(transport, 1_000, connection, SendBudget.unbounded(), Runnable::run);
        sender.send("a");
        sender.send("b");
        assertTrue(sender.close(1000, "bye"));
        sender.send("c");
        transport.completeNext(null);
        transport.completeNext(null);
        assertEquals(List.of("a", "b", "close 1000 bye"), transport.sent);
        assertEquals(false, sender.close(1000, "again"));
    }

    @Test
    void overTheServerWideBudgetTheLongestQueueIsClosedWith1008() {
        SendBudget budget = new SendBudget(10);
        SerialSenderTest.ManualTransport otherTransport = new SerialSenderTest.ManualTransport();
        RecordingConnection other = new RecordingConnection();
        SerialSender longest = new SerialSender(transport, 100, connection, budget, Runnable::run);
        SerialSender shorter = new SerialSender(otherTransport, 100, other, budget, Runnable::run);
        longest.send("in flight");
        longest.send("123456");
        shorter.send("in flight");
        shorter.send("123");
        assertEquals(9, budget.queued());
        assertEquals(List.of(), connection.closings);
        shorter.send("45");
        assertEquals(List.of("1008 too much waits to be sent"), connection.closings, "the longest queue goes");
        assertEquals(List.of(), other.closings);
        assertEquals(5, budget.queued(), "its characters are freed at once");
        otherTransport.completeNext(null);
        otherTransport.completeNext(null);
        otherTransport.completeNext(null);
        assertEquals(List.of("in flight", "123", "45"), otherTransport.sent);
        assertEquals(0, budget.queued());
    }

    /**
     * Slow readers that go over the server-wide bound at the same moment, from threads of their own: only as many
     * connections are closed as bring the total back under the bound, not one more per thread that saw it over.
     */
    @Test
    void readersOverTheBudgetAtOnceLoseOnlyAsManyConnectionsAsNeeded() throws Exception {
        int readers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(readers);
        try {
            for (int round = 0; round < 200; round++) {
                // 8 queues of 200 characters against a bound of 1,000: three must go, whichever they are
                SendBudget budget = new SendBudget(1_000);
                List<RecordingConnection> connections = new ArrayList<>();
                List<SerialSender> senders = new ArrayList<>();
                for (int i = 0; i < readers; i++) {
                    RecordingConnection reader = new RecordingConnection();
                    SerialSender sender = new SerialSender(new ManualTransport(), 10_000, reader, budget, Runnable::run);
                    sender.send("in flight");
                    connections.add(reader);
                    senders.add(sender);
                }
                CyclicBarrier start = new CyclicBarrier(readers);
                List<Future<?>> sends = new ArrayList<>();
                for (SerialSender sender : senders) {
                    sends.add(threads.submit(() -> {
                        start.await();
                        sender.send("x".repeat(200));
                        return null;
                    }));
                }
                for (Future<?> send : sends) {
                    send.get(10, TimeUnit.SECONDS);
                }
                long closed = connections.stream().filter(c -> !c.closings.isEmpty()).count();
                assertEquals(3, closed, "round " + round);
                assertEquals(1_000, budget.queued(), "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
