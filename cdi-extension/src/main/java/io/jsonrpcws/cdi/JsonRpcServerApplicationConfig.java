package io.jsonrpcws.cdi;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;

/**
 * Registers the JSON-RPC endpoint in a WAR: the container finds this class in the application's jars.
 * The application's own annotated endpoints are deployed as usual.
 */
public final class JsonRpcServerApplicationConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of(JsonRpcEndpointConfigurator.endpointConfig(RuntimeConfig.load().path()));
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
