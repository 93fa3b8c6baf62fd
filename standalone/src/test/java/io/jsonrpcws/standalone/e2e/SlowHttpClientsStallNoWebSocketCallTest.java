package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 * HTTP clients that send a head and part of a body and then hang, and HTTP calls of a slow method, hold no thread
 * of the server: meanwhile a WebSocket call is answered at once. There are more hanging clients than Grizzly has
 * worker threads (twice the cores), so a server that read bodies or waited for calls on those threads would stall.
 */
class SlowHttpClientsStallNoWebSocketCallTest {

    private static final int HANGING = Math.max(50, Runtime.getRuntime().availableProcessors() * 2 + 10);
    private static final int SLOW_CALLS = 4;
    private static final int SLEEP_MILLIS = 3000;
    private static final long ANSWER_WITHIN_MILLIS = 500;

    @Test
    void webSocketCallIsAnsweredWhileHttpClientsHangAndSlowCallsRun() throws Exception {
        List<Socket> hanging = new ArrayList<>();
        ExecutorService posters = Executors.newFixedThreadPool(SLOW_CALLS);
        try (JsonRpcServer server = Servers.start(EchoService.class, SlowService.class);
             WsClient ws = WsClient.connect(server.uri())) {
            String host = "127.0.0.1:" + server.port();
            assertEquals("warm", ws.resultString("echo.echo", "[\"warm\"]"));

            for (int i = 0; i < HANGING; i++) {
                Socket socket = RawHttp.open(server);
                hanging.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /jsonrpc HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"jsonrpc\"").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            List<Future<RawHttp.Response>> slowCalls = new ArrayList<>();
            for (int i = 0; i < SLOW_CALLS; i++) {
                String post = RawHttp.post("/jsonrpc", Map.of("Host", host), SlowService.call(SLEEP_MILLIS, i));
                slowCalls.add(posters.submit(() -> RawHttp.exchange(server, post)));
            }
            SlowService slow = Servers.bean(server, SlowService.class);
            Servers.awaitTrue("the slow calls are running", () -> slow.sleeping() == SLOW_CALLS);

            long start = System.nanoTime();
            assertEquals("still here", ws.resultString("echo.echo", "[\"still here\"]"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("JRWS-TEST WebSocket call answered in " + millis + " ms with " + HANGING
                    + " hanging HTTP clients and " + SLOW_CALLS + " slow HTTP calls");
            assertTrue(millis < ANSWER_WITHIN_MILLIS, "the WebSocket call took " + millis + " ms");

            for (Future<RawHttp.Response> call : slowCalls) {
                RawHttp.Response response = call.get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertEquals(200, response.status(), response.body());
                assertTrue(response.body().contains("\"slept " + SLEEP_MILLIS + "\""), response.body());
            }
        } finally {
            posters.shutdownNow();
            for (Socket socket : hanging) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a client socket: nothing to do about it
        }
    }
}
