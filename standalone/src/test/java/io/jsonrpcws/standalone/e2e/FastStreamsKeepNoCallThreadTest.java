package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More fast streams than the server has call threads (24 subscriptions of a publisher that emits inside
 * {@code request}, to clients that read at once, so every write completes at once): a stream sends a burst and hands
 * the rest to the executor instead of keeping the thread that answered its subscribe, so the call pool never finds
 * every thread taken (no {@code JRWS-0107}), a bystander's calls are answered meanwhile, and every stream arrives
 * whole.
 */
class FastStreamsKeepNoCallThreadTest {

    private static final int STREAMS = 24;
    private static final int ITEMS = 10_000;

    @Test
    void streamsTakeTurnsOnTheCallThreads() throws Exception {
        List<String> overflows = new CopyOnWriteArrayList<>();
        Logger pool = Logger.getLogger("io.jsonrpcws.cdi.CallPool");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().startsWith("JRWS-0107")) {
                    overflows.add(record.getMessage());
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
            List<Future<Integer>> streams = new ArrayList<>();
            for (RawWebSocket client : clients) {
                streams.add(readers.submit(() -> {
                    client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.count\",\"params\":[" + ITEMS + "],\"id\":1}");
                    client.readText(); // the answer
                    int items = 0;
                    while (true) {
                        JsonObject params = WsClient.parse(client.readText()).asJsonObject().getJsonObject("params");
                        if (params.containsKey("completed")) {
                            return items;
                        }
                        assertEquals(items++, params.getInt("result"));
                    }
                }));
            }
            long slowest = 0;
            for (int call = 0; call < 20; call++) {
                long start = System.nanoTime();
                assertEquals("1", bystander.result("feed.plain", "[]").toString());
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            for (Future<Integer> stream : streams) {
                assertEquals(ITEMS, stream.get(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
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
}
