package io.jsonrpcws.standalone.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real WebSocket client (Tyrus): sends text frames, keeps what arrives in order, and records how the
 * connection closed. Every wait is bounded by {@link Servers#PATIENCE}.
 */
final class WsClient implements AutoCloseable {

    private static final ClientManager CLIENTS = sharedClientManager();

    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Session session;

    private WsClient(URI uri, Map<String, List<String>> extraHeaders) {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.putAll(extraHeaders);
                    }
                })
                .build();
        try {
            session = CLIENTS.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session s, EndpointConfig c) {
                    s.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
                }

                @Override
                public void onClose(Session s, CloseReason reason) {
                    closed.complete(reason);
                }

                @Override
                public void onError(Session s, Throwable failure) {
                    closed.completeExceptionally(failure);
                }
            }, config, uri);
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot connect to " + uri + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClientManager sharedClientManager() {
        ClientManager client = ClientManager.createClient();
        // one Grizzly transport for every client of the test run rather than one per connection
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        return client;
    }

    static WsClient connect(URI uri) {
        return new WsClient(uri, Map.of());
    }

    static WsClient connect(URI uri, Map<String, List<String>> headers) {
        return new WsClient(uri, headers);
    }

    Session session() {
        return session;
    }

    void send(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sendBinary(byte[] bytes) {
        try {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next text frame, waiting for it. */
    String receive() {
        try {
            String text = received.poll(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(text, "no answer within " + Servers.PATIENCE.toSeconds() + " s");
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next text frame, parsed. */
    JsonStructure receiveJson() {
        return parse(receive());
    }

    /** Sends one request and returns the next answer as an object. */
    JsonObject call(String request) {
        send(request);
        return receiveJson().asJsonObject();
    }

    /** Calls a JSON-RPC 2.0 method with positional params and returns its result, failing on an error. */
    JsonValue result(String method, String paramsJson) {
        JsonObject answer = call("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + ",\"id\":0}");
        if (!answer.containsKey("result")) {
            fail(method + " answered " + answer);
        }
        return answer.get("result");
    }

    String resultString(String method, String paramsJson) {
        JsonValue result = result(method, paramsJson);
        assertEquals(JsonValue.ValueType.STRING, result.getValueType(), () -> method + " answered " + result);
        return ((jakarta.json.JsonString) result).getString();
    }

    /** Frames that arrived and were not taken yet. */
    List<String> unread() {
        return List.copyOf(received);
    }

    /** How the connection closed, waiting for it. */
    CloseReason awaitClose() {
        try {
            return closed.get(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("the connection failed instead of closing", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the connection did not close within " + Servers.PATIENCE.toSeconds() + " s");
        }
    }

    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException | IllegalStateException e) {
            // closed by the server meanwhile
        }
    }

    static JsonStructure parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }
}
