package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.api.Params;
import io.jsonrpcws.benchmarks.BenchService.Customer;
import io.jsonrpcws.client.JsonRpcClient;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Java clients compared, each calling {@link EchoService}'s {@code echo} and {@code echoObject} with defaults. */
public enum ClientKind {

    /** This framework's client ({@link JsonRpcClient}, over the JDK's {@code java.net.http} WebSocket). */
    OURS("jsonrpcws client"),
    /** Eclipse LSP4J's {@code websocket.jakarta} endpoint as a client, on Tyrus's client over Grizzly. */
    LSP4J("LSP4J client");

    /** The object {@code echoObject} sends: {@link Payload#CUSTOMER}. */
    static final Customer CUSTOMER = customer();

    /** How long a connection may take to open, and a call to be answered. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String label;

    ClientKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One connection of a client. Calls may be made from any thread. */
    public interface Caller extends AutoCloseable {
        /** Calls the payload's method; completes with its result. */
        CompletableFuture<?> call(Payload payload);

        @Override
        void close();
    }

    /** Connects to {@code ws://host:port/jsonrpc}. */
    public Caller connect(String host, int port) throws IOException {
        URI uri = URI.create("ws://" + host + ":" + port + ServerKind.PATH);
        return this == OURS ? ours(uri) : lsp4j(uri);
    }

    private static Caller ours(URI uri) {
        JsonRpcClient client = JsonRpcClient.builder(uri).defaultTimeout(TIMEOUT).connectTimeout(TIMEOUT).connect();
        Params small = Params.byPosition("hello");
        // by name, as LSP4J sends an object (see LspEchoClient.Remote)
        Params object = Params.named().with("customer", CUSTOMER);
        return new Caller() {
            @Override
            public CompletableFuture<?> call(Payload payload) {
                return (payload == Payload.SMALL ? client.call("echo", String.class, small)
                        : client.call("echoObject", Customer.class, object)).toCompletableFuture();
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static Caller lsp4j(URI uri) throws IOException {
        ClientManager container = ClientManager.createClient();
        LspEchoClient endpoint = new LspEchoClient();
        Session session;
        LspEchoClient.Remote remote;
        try {
            session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
            remote = endpoint.remote.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (DeploymentException | ExecutionException | TimeoutException e) {
            container.shutdown();
            throw new IOException("cannot connect LSP4J's client to " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            container.shutdown();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted connecting to " + uri, e);
        }
        LspEchoClient.ByName object = new LspEchoClient.ByName(CUSTOMER);
        return new Caller() {
            @Override
            public CompletableFuture<?> call(Payload payload) {
                return payload == Payload.SMALL ? remote.echo("hello") : remote.echoObject(object);
            }

            @Override
            public void close() {
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
                } catch (IOException ignored) {
                    // the container goes below
                } finally {
                    container.shutdown();
                }
            }
        };
    }

    private static Customer customer() {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(Payload.CUSTOMER, Customer.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the customer of the 1 KB payload", e);
        }
    }
}
