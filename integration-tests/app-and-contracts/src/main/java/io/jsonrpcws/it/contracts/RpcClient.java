package io.jsonrpcws.it.contracts;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A WebSocket client on the JDK's {@code java.net.http}: sends text frames and keeps the frames that arrive,
 * in order. Every wait is bounded by {@link #PATIENCE}.
 */
public final class RpcClient implements AutoCloseable {

    /** How long any answer may take; generous, for a loaded build machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    /** The text frames that arrived, in order, then an {@link Ended} once the connection has. */
    private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    /** The server's close code, or exceptionally how the connection failed without one. */
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private RpcClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(PATIENCE);
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, new Listener())
                .orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    /** Opens a connection to a JSON-RPC endpoint. */
    public static RpcClient connect(URI uri) {
        return new RpcClient(uri, Map.of());
    }

    /** Opens a connection to a JSON-RPC endpoint, with these extra handshake headers. */
    public static RpcClient connect(URI uri, Map<String, String> headers) {
        return new RpcClient(uri, headers);
    }

    /** Sends one text frame. */
    public void send(String frame) {
        socket.sendText(frame, true).orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The next frame that arrives; fails at once when the connection ends first. */
    public String next() {
        try {
            Object frame = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(frame, "no frame arrived within " + PATIENCE);
            if (frame instanceof Ended ended) {
                received.add(ended);
                return fail("the connection " + ended.how() + " before the next frame arrived");
            }
            return (String) frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The code of the close frame the server sends, once it arrives; fails when the connection breaks without
     * one, or when none arrives within {@link #PATIENCE}.
     */
    public int awaitClose() {
        return closed.orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Whether a frame has arrived that {@link #next()} has not taken yet. */
    public boolean hasUnread() {
        return received.stream().anyMatch(String.class::isInstance);
    }

    /** Sends a frame and reads the next frame, parsed. */
    public JsonStructure call(String frame) {
        send(frame);
        return parse(next());
    }

    /** Sends a frame and reads the next frame as an object. */
    public JsonObject callForObject(String frame) {
        return (JsonObject) call(frame);
    }

    /** Parses a frame. */
    public static JsonStructure parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
                    .orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            received.add(new Ended("closed with " + statusCode + " \"" + reason + "\""));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
            received.add(new Ended("failed (" + error + ")"));
        }
    }

    /** How the connection ended. */
    private record Ended(String how) {
    }
}
