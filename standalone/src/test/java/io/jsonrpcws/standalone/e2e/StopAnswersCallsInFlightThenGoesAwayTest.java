package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.websocket.CloseReason;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the server is graceful: a call running when {@code stop()} begins is answered, over WebSocket and HTTP
 * alike, a connection that opens meanwhile is turned away and a request posted meanwhile starts no call, and then
 * every connection is closed with 1001 ("going away"), never cut.
 */
class StopAnswersCallsInFlightThenGoesAwayTest {

    @Test
    void theCallRunningIsAnsweredThenTheConnectionGoesAway() throws Exception {
        JsonRpcServer server = Servers.start(Map.of("jsonrpcws.drain-timeout", "20000"), GatedService.class);
        try (WsClient client = WsClient.connect(server.uri())) {
            GatedService gate = Servers.bean(server, GatedService.class);
            client.send(GatedService.call("slow", 1, 1));
            Servers.awaitTrue("the slow call is running", () -> gate.entered() == 1);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);
            Thread.sleep(300);
            assertFalse(stopped.isDone(), "stop() waits for the call running");
            try (WsClient late = WsClient.connect(server.uri())) {
                assertEquals(CloseReason.CloseCodes.GOING_AWAY, late.awaitClose().getCloseCode(),
                        "a connection opened while the server stops is turned away");
            }

            gate.open();
            assertEquals(1, client.receiveJson().asJsonObject().getInt("result"), "the call is answered");
            CloseReason close = client.awaitClose();
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, close.getCloseCode());
            stopped.get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            server.stop();
        }
    }

    @Test
    void anHttpCallRunningIsAnsweredAndNoNewOneStarts() throws Exception {
        JsonRpcServer server = Servers.start(Map.of("jsonrpcws.drain-timeout", "20000"), GatedService.class);
        try {
            GatedService gate = Servers.bean(server, GatedService.class);
            HttpClient http = HttpClient.newHttpClient();
            URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/jsonrpc");
            CompletableFuture<HttpResponse<String>> running = http.sendAsync(post(endpoint, GatedService.call("slow", 7, 1)),
                    HttpResponse.BodyHandlers.ofString());
            Servers.awaitTrue("the slow HTTP call is running", () -> gate.entered() == 1);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);
            Thread.sleep(300);
            assertFalse(stopped.isDone(), "stop() waits for the HTTP call running");
            HttpResponse<String> late = http.send(post(endpoint, GatedService.call("fast", 8, 2)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, late.statusCode(), "a call posted while the server stops does not run");
            assertEquals(List.of(), gate.log(), "the late call never ran");

            gate.open();
            HttpResponse<String> answer = running.get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(200, answer.statusCode());
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}", answer.body(), "the call is answered");
            stopped.get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            server.stop();
        }
    }

    private static HttpRequest post(URI endpoint, String body) {
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void aCallLongerThanTheDrainTimeoutIsNotWaitedFor() throws Exception {
        JsonRpcServer server = Servers.start(Map.of("jsonrpcws.drain-timeout", "500"), Sleeper.class);
        try (WsClient client = WsClient.connect(server.uri())) {
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sleeper.sleep\",\"params\":[3000],\"id\":1}");
            Servers.awaitTrue("the long call is running", () -> Sleeper.SLEEPING.get() == 1);
            long start = System.nanoTime();
            server.stop();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, client.awaitClose().getCloseCode());
            assertTrue(tookMillis >= 450 && tookMillis < 5_000, "stop() took " + tookMillis + " ms");
            assertEquals(List.of(), client.unread(), "no answer: the call was still running");
        } finally {
            server.stop();
        }
    }

    /** A call that takes longer than the drain timeout. */
    @JsonRpcService("sleeper")
    public static class Sleeper {
        static final AtomicInteger SLEEPING = new AtomicInteger();

        @JsonRpcMethod
        public String sleep(long millis) throws InterruptedException {
            SLEEPING.incrementAndGet();
            Thread.sleep(millis);
            return "slept";
        }
    }
}
