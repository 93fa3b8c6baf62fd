package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two thousand connections, each calling a {@code @ConnectionScoped} service once and closing, leave
 * nothing behind: every connection-scoped bean is destroyed, no session stays registered, and the heap
 * after a full collection is back near where it was after a warm-up.
 */
class ManyConnectionsLeaveNothingBehindTest {

    private static final int CONNECTIONS = 2_000;
    private static final int BATCH = 100;
    private static final int WARM_UP = 200;
    private static final long HEAP_MARGIN = 16L << 20;

    @JsonRpcService("visit")
    @ConnectionScoped
    public static class Visit {
        @Inject
        Tally tally;
        /** Enough that 2,000 leaked beans would exceed the heap margin twice over. */
        private final byte[] ballast = new byte[16 * 1024];
        private int calls;

        @PostConstruct
        void created() {
            tally.created();
        }

        @JsonRpcMethod
        public synchronized int touch() {
            ballast[calls % ballast.length] = 1;
            return ++calls;
        }

        @PreDestroy
        void destroyed() {
            tally.destroyed();
        }
    }

    @ApplicationScoped
    public static class Tally {
        private final AtomicInteger created = new AtomicInteger();
        private final AtomicInteger destroyed = new AtomicInteger();

        void created() {
            created.incrementAndGet();
        }

        void destroyed() {
            destroyed.incrementAndGet();
        }

        int createdCount() {
            return created.get();
        }

        int destroyedCount() {
            return destroyed.get();
        }
    }

    @Test
    void connectionsComeAndGoWithoutLeaking() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(BATCH);
        try (JsonRpcServer server = Servers.start(Visit.class, Tally.class)) {
            Tally tally = Servers.bean(server, Tally.class);

            visit(server.uri(), WARM_UP, clients);
            awaitAllGone(server, tally, WARM_UP);
            long baseline = usedHeapAfterGc();

            long start = System.nanoTime();
            visit(server.uri(), CONNECTIONS, clients);
            long visited = System.nanoTime();
            awaitAllGone(server, tally, WARM_UP + CONNECTIONS);
            long gone = System.nanoTime();
            long after = usedHeapAfterGc();

            System.out.printf("%s: %d connections in batches of %d: %d ms to open, call and close, %d ms more until"
                            + " every bean was destroyed; heap used after GC: %.1f MB after warm-up, %.1f MB after%n",
                    getClass().getSimpleName(), CONNECTIONS, BATCH, (visited - start) / 1_000_000,
                    (gone - visited) / 1_000_000, baseline / 1048576.0, after / 1048576.0);
            assertEquals(WARM_UP + CONNECTIONS, tally.createdCount());
            assertTrue(after <= baseline + HEAP_MARGIN,
                    () -> "heap grew from " + baseline + " to " + after + " bytes");
        } finally {
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /** Opens {@code count} connections, {@link #BATCH} at a time; each calls once and closes. */
    private static void visit(URI uri, int count, ExecutorService clients) throws InterruptedException {
        for (int done = 0; done < count; done += BATCH) {
            List<Future<Integer>> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(BATCH, count - done); i++) {
                batch.add(clients.submit(() -> visitOnce(uri)));
            }
            for (Future<Integer> visit : batch) {
                try {
                    assertEquals(1, visit.get(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("a connection failed", e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a connection hung", e);
                }
            }
        }
    }

    private static int visitOnce(URI uri) throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(uri)) {
            ws.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"visit.touch\",\"id\":1}");
            String answer = ws.readText();
            ws.sendClose(1000);
            RawWebSocket.Frame close = ws.readUntilClose(4);
            if (close != null && close.closeCode() != 1000) {
                throw new IOException("closed with " + RawWebSocket.describe(close));
            }
            return WsClient.parse(answer).asJsonObject().getInt("result");
        }
    }

    private static void awaitAllGone(JsonRpcServer server, Tally tally, int expected) {
        Servers.awaitTrue("every connection torn down", () -> tally.destroyedCount() == expected
                && Servers.sessions(server).all().isEmpty());
        assertEquals(expected, tally.createdCount());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
