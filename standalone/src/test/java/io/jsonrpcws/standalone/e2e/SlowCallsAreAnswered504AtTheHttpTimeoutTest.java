package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP calls that outlast {@code jsonrpcws.http-timeout} are answered 504 when it runs out, all of them together:
 * waiting for them holds no thread, so three times as many as Grizzly has worker threads time out at once rather
 * than in turns.
 */
class SlowCallsAreAnswered504AtTheHttpTimeoutTest {

    private static final int CALLS = Runtime.getRuntime().availableProcessors() * 2 * 3;

    @Test
    void everySlowCallIsAnswered504AfterOneTimeout() throws Exception {
        ExecutorService posters = Executors.newFixedThreadPool(CALLS);
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.http-timeout", "1000"), SlowService.class)) {
            String host = "127.0.0.1:" + server.port();
            long start = System.nanoTime();
            List<Future<RawHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String post = RawHttp.post("/jsonrpc", Map.of("Host", host), SlowService.call(5000, i));
                calls.add(posters.submit(() -> RawHttp.exchange(server, post)));
            }
            for (Future<RawHttp.Response> call : calls) {
                assertEquals(504, call.get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS).status());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("JRWS-TEST " + CALLS + " slow HTTP calls answered 504 within " + millis + " ms");
            assertTrue(millis < 2500, CALLS + " calls took " + millis + " ms to time out");
        } finally {
            posters.shutdownNow();
        }
    }
}
