package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A thousand connections, each sending a text message in two fragments of 600 KB (together over the 1 MiB
 * {@code jsonrpcws.max-message-size}), are each closed with 1009 and leave nothing behind: no session stays
 * registered, and the server's heap after a full collection is back within a few megabytes of where it was.
 * Each such connection used to keep its session, its endpoint and the 600 KB already received.
 */
class OversizedFragmentedMessagesLeaveNothingBehindTest {

    private static final int CONNECTIONS = 1_000;
    private static final int AT_ONCE = 4;
    private static final int WARM_UP = 20;
    private static final int FRAGMENT_BYTES = 600 * 1024;
    private static final long HEAP_MARGIN = 20L << 20;

    @Test
    void oversizedMessagesAreDroppedWithTheirConnections() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);
        try (JsonRpcServer server = Servers.start(EchoService.class)) {
            sendOversized(server.uri(), WARM_UP, clients);
            Servers.awaitTrue("every connection torn down", () -> Servers.sessions(server).all().isEmpty());
            long baseline = usedHeapAfterGc();

            long start = System.nanoTime();
            sendOversized(server.uri(), CONNECTIONS, clients);
            long sent = System.nanoTime();
            Servers.awaitTrue("every connection torn down", () -> Servers.sessions(server).all().isEmpty());
            long after = usedHeapAfterGc();

            System.out.printf("%s: %d messages of 2 x %d KB, %d connections at a time, each closed with 1009 in %d ms;"
                            + " heap used after GC: %.1f MB before, %.1f MB after (%+.1f MB)%n",
                    getClass().getSimpleName(), CONNECTIONS, FRAGMENT_BYTES / 1024, AT_ONCE, (sent - start) / 1_000_000,
                    baseline / 1048576.0, after / 1048576.0, (after - baseline) / 1048576.0);
            assertTrue(after <= baseline + HEAP_MARGIN, () -> "heap grew from " + baseline + " to " + after + " bytes");
            assertEquals("still here", echo(server.uri()), "the server still answers");
        } finally {
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /** Sends {@code count} oversized messages, each on its own connection, {@link #AT_ONCE} connections at a time. */
    private static void sendOversized(URI uri, int count, ExecutorService clients) throws InterruptedException {
        List<Future<Integer>> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(clients.submit(() -> sendOneOversized(uri)));
        }
        for (Future<Integer> code : codes) {
            try {
                assertEquals(1009, code.get(Servers.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("a connection failed", e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("a connection hung", e);
            }
        }
    }

    private static int sendOneOversized(URI uri) throws IOException {
        byte[] fragment = new byte[FRAGMENT_BYTES];
        Arrays.fill(fragment, (byte) 'x');
        try (RawWebSocket ws = RawWebSocket.connect(uri)) {
            try {
                ws.sendFragment(RawWebSocket.TEXT, fragment, false);
                ws.sendFragment(RawWebSocket.CONTINUATION, fragment, true);
            } catch (IOException closedMeanwhile) {
                // the server may close as soon as it knows the message is too big, while the client still writes
            }
            RawWebSocket.Frame close = ws.readUntilClose(1);
            return close == null ? 1006 : close.closeCode();
        }
    }

    private static String echo(URI uri) {
        try (WsClient client = WsClient.connect(uri)) {
            return client.resultString("echo.echo", "[\"still here\"]");
        }
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
