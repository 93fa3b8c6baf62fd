package io.jsonrpcws.benchmarks.load;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Tyrus 2.2 on a Grizzly listener bound to one address, with no HTTP idle timeout and the standalone runtime's
 * incoming buffer size. Endpoints that may block where they read (the raw echo's blocking send, LSP4J's
 * methods) get Tyrus's usual worker-thread I/O strategy; endpoints that never block can read on the selector
 * threads, as the standalone runtime does for WebSocket frames.
 */
final class TyrusOnGrizzly extends TyrusServerContainer {

    /** The standalone runtime's incoming buffer: its default 1 MiB message limit plus 1 KiB. */
    static final int INCOMING_BUFFER = (1 << 20) + 1024;

    private final String host;
    private final WebSocketEngine engine;
    private HttpServer http;
    private NetworkListener listener;

    private final boolean readOnSelector;

    TyrusOnGrizzly(String host, boolean readOnSelector) {
        super((Set<Class<?>>) null);
        this.host = host;
        this.readOnSelector = readOnSelector;
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(INCOMING_BUFFER).build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, "");
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        http = new HttpServer();
        listener = new NetworkListener("load", host, port);
        listener.getTransport().setIOStrategy(readOnSelector
                ? SameThreadIOStrategy.getInstance() : WorkerThreadIOStrategy.getInstance());
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(new WebSocketAddOn(this, ""));
        http.addListener(listener);
        http.start();
        super.start(rootPath, listener.getPort());
    }

    @Override
    public int getPort() {
        return listener == null ? -1 : listener.getPort();
    }

    @Override
    public void stop() {
        super.stop();
        if (http != null) {
            http.shutdownNow();
        }
    }
}
