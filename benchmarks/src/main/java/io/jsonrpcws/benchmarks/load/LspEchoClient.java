package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.benchmarks.BenchService.Customer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.websocket.jakarta.WebSocketEndpoint;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * LSP4J's client of the echo servers: its Jakarta WebSocket endpoint, opened with a WebSocket client container
 * (Tyrus), and the remote interface it calls.
 */
final class LspEchoClient extends WebSocketEndpoint<LspEchoClient.Remote> {

    /**
     * The server's methods as LSP4J calls them; no {@code @JsonSegment}, since the service has no namespace. LSP4J 1.0
     * sends a call's only argument in an array when it is a string, a number, a boolean or a collection
     * ({@code "params":["hello"]}), and as the params themselves when it is an object: {@code echoObject} takes the
     * params by name, {@code {"customer": {...}}}, which the jsonrpcws client sends too, so that both clients' frames
     * ask the server for the same work.
     */
    interface Remote {
        @JsonRequest
        CompletableFuture<String> echo(String text);

        @JsonRequest
        CompletableFuture<Customer> echoObject(ByName params);
    }

    /** {@code echoObject}'s params by name. */
    record ByName(Customer customer) {
    }

    /** The remote proxy, once the connection has opened. */
    final CompletableFuture<Remote> remote = new CompletableFuture<>();

    @Override
    protected void configure(Launcher.Builder<Remote> builder) {
        builder.setLocalService(new Object());
        builder.setRemoteInterface(Remote.class);
    }

    @Override
    protected void connect(Collection<Object> localServices, Remote remoteProxy) {
        remote.complete(remoteProxy);
    }
}
