package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcCredentials;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
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
                .subprotocols(List.of(SUBPROTOCOL))
                .configurator(new JsonRpcEndpointConfigurator(runtime))
                .build();
    }

    /**
     * The subprotocol the endpoint selects when a client offers it: a browser that offers a bearer token as a
     * subprotocol must offer this one too, since the server never selects the token.
     */
    static final String SUBPROTOCOL = "jsonrpc";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        HandshakeData handshake = HandshakeData.of(request.getHeaders(), request.getHttpSession());
        config.getUserProperties().put(HandshakeData.KEY, runtime().authenticate(handshake, new ContainerUser() {
            @Override
            public java.security.Principal principal() {
                return request.getUserPrincipal();
            }

            @Override
            public boolean isInRole(String role) {
                return request.isUserInRole(role);
            }
        }));
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        for (String offered : requested) {
            if (supported.contains(offered) && !offered.startsWith(JsonRpcCredentials.BEARER_PROTOCOL_PREFIX)) {
                return offered;
            }
        }
        return "";
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        if (endpointClass != JsonRpcEndpoint.class) {
            throw new IllegalArgumentException("this configurator makes only JsonRpcEndpoint, not " + endpointClass);
        }
        return endpointClass.cast(new JsonRpcEndpoint(runtime()));
    }

    private JsonRpcRuntime runtime() {
        JsonRpcRuntime r = resolved;
        if (r == null) {
            r = runtime.get();
            if (r == null) {
                throw new IllegalStateException("the jsonrpcws runtime did not start; see the deployment log");
            }
            resolved = r;
        }
        return r;
    }
}
