package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More endless fast streams than the server has call threads (24 subscriptions of a publisher that emits inside
 * {@code request}, to clients that read at once, so every write completes at once): neither a stream nor the
 * connection's sender keeps the thread it runs on (each sends a burst and hands the rest to the executor), so the call
 * pool never finds every thread taken (no {@code JRWS-0107}), a bystander's calls are answered meanwhile, and every
 * stream arrives in order. (Before the sender handed off, the thread that sent a subscribe's answer went on writing
 * that connection's items for as long as they came: 16 such streams took every call thread for good.)
 */
class FastStreamsKeepNoCallThreadTest {

    private static final int STREAMS = 24;
    /** Items each stream has delivered before the bystander calls, and at least as many after. */
    private static final int ITEMS = 5_000;

    @Test
    void streamsTakeTurnsOnTheCallThreads() throws Exception {
        List<String> overflows = new CopyOnWriteArrayList<>();
        Logger pool = Logger.getLogger("io.jsonrpcws.cdi.CallPool");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().startsWith("JRWS-0107")) {
                    // what the call threads were doing when the pool gave up on them
                    StringBuilder stacks = new StringBuilder(record.getMessage());
                    for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                        if (thread.getThreadName().startsWith("jsonrpcws-call")) {
                            stacks.append('\n').append(thread);
                        }
                    }
                    overflows.add(stacks.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        pool.addHandler(capture);
        ExecutorService readers = Executors.newFixedThreadPool(STREAMS);
        try (JsonRpcServer server = Servers.start(Feeds.class);
             WsClient bystander = WsClient.connect(server.uri())) {
            List<RawWebSocket> clients = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                clients.add(RawWebSocket.connect(server.uri()));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicIntegerArray received = new AtomicIntegerArray(STREAMS);
            List<Future<?>> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                RawWebSocket client = clients.get(i);
                int stream = i;
                streams.add(readers.submit(() -> {
                    client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.count\",\"params\":["
                            + Integer.MAX_VALUE + "],\"id\":1}");
                    client.readText(); // the answer
                    while (!stop.get()) {
                        JsonObject params = WsClient.parse(client.readText()).asJsonObject().getJsonObject("params");
                        assertEquals(received.get(stream), params.getInt("result"));
                        received.incrementAndGet(stream);
                    }
                    return null;
                }));
            }
            awaitEach(received, ITEMS);
            long slowest = 0;
            for (int call = 0; call < 20; call++) {
                long start = System.nanoTime();
                assertEquals("1", bystander.result("feed.plain", "[]").toString());
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            int[] before = new int[STREAMS];
            for (int i = 0; i < STREAMS; i++) {
                before[i] = received.get(i);
            }
            for (int i = 0; i < STREAMS; i++) {
                int stream = i;
                Servers.awaitTrue("stream " + i + " keeps flowing", () -> received.get(stream) >= before[stream] + ITEMS);
            }
            stop.set(true);
            for (Future<?> stream : streams) {
                stream.get(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            for (RawWebSocket client : clients) {
                client.close();
            }
            assertTrue(overflows.isEmpty(), "the streams kept every call thread: " + overflows);
            System.out.println(getClass().getSimpleName() + ": slowest bystander call " + slowest / 1_000_000 + " ms");
        } finally {
            pool.removeHandler(capture);
            readers.shutdownNow();
        }
    }

    private static void awaitEach(AtomicIntegerArray received, int items) {
        for (int i = 0; i < received.length(); i++) {
            int stream = i;
            Servers.awaitTrue("stream " + i + " delivers " + items + " items", () -> received.get(stream) >= items);
        }
    }
}
