package io.jsonrpcws.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.function.Supplier;

/**
 * Makes one {@link JsonRpcEndpoint} per connection, bound to the deployment's runtime, and carries the
 * handshake's headers and HTTP session to it.
 */
public final class JsonRpcEndpointConfigurator extends ServerEndpointConfig.Configurator {

    private final Supplier<JsonRpcRuntime> runtime;
    private volatile JsonRpcRuntime resolved;

    private JsonRpcEndpointConfigurator(Supplier<JsonRpcRuntime> runtime) {
        this.runtime = runtime;
    }

    /**
     * The configuration of the endpoint for a runtime known up front (the standalone runtime).
     *
     * @param runtime the runtime the connections use
     */
    public static ServerEndpointConfig endpointConfig(JsonRpcRuntime runtime) {
        return endpointConfig(runtime.config().path(), () -> runtime);
    }

    /**
     * The configuration of the endpoint in a container, where the runtime is found through CDI on the
     * first connection, once the deployment's CDI container is up.
     */
    static ServerEndpointConfig endpointConfig(String path) {
        return endpointConfig(path, () -> CDI.current().getBeanManager().getExtension(JsonRpcExtension.class).runtime());
    }

    private static ServerEndpointConfig endpointConfig(String path, Supplier<JsonRpcRuntime> runtime) {
        return ServerEndpointConfig.Builder.create(JsonRpcEndpoint.class, path)
                .configurator(new JsonRpcEndpointConfigurator(runtime))
                .build();
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().put(HandshakeData.KEY, HandshakeData.of(request.getHeaders(), request.getHttpSession()));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        if (endpointClass != JsonRpcEndpoint.class) {
            throw new IllegalArgumentException("this configurator makes only JsonRpcEndpoint, not " + endpointClass);
        }
        JsonRpcRuntime r = resolved;
        if (r == null) {
            r = runtime.get();
            if (r == null) {
                throw new IllegalStateException("the jsonrpcws runtime did not start; see the deployment log");
            }
            resolved = r;
        }
        return endpointClass.cast(new JsonRpcEndpoint(r));
    }
}
