package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.engine.RemoteProxies;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Calls on one connection of a client, as an {@link OnOpen} hook is given them: sent at once, never queued, and
 * refused once that connection has closed.
 */
final class OpenedConnection implements JsonRpcCalls {

    private final Connection connection;
    private final Duration defaultTimeout;

    OpenedConnection(Connection connection, Duration defaultTimeout) {
        this.connection = connection;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Params params) {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        send(new Outgoing.Call(Objects.requireNonNull(method, "method"), Objects.requireNonNull(resultType, "resultType"),
                Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(params, "params"), System.nanoTime(), stage));
        return (CompletionStage<T>) (CompletionStage<?>) stage;
    }

    @Override
    public void notify(String method, Params params) {
        send(new Outgoing.Notification(Objects.requireNonNull(method, "method"), Objects.requireNonNull(params, "params")));
    }

    @Override
    public Batch batch() {
        return new Batch(defaultTimeout, this::send);
    }

    @Override
    public <T> T remote(Class<T> serverInterface) {
        return RemoteProxies.create(serverInterface, JsonRpcClient.proxyCalls(this));
    }

    private void send(Outgoing out) {
        if (!out.sendOn(connection)) {
            out.refuse(new ConnectionClosedException("the connection to " + connection.client.uri()
                    + " that this hook was given has closed; not sent"));
        }
    }

    @Override
    public String toString() {
        return "the connection of " + connection.client;
    }
}
