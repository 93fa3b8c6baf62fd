package io.jsonrpcws.standalone;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Tyrus on a Grizzly listener bound to the address it is given. Tyrus's own standalone server listens on
 * 0.0.0.0 whatever host it is told, so this container sets Grizzly up itself. It also serves the
 * classpath's {@code META-INF/resources/} as static files, as servlet containers do, and refuses a text
 * message over the limit on the header of the frame that takes it there ({@link MessageSizeGuard}), and closes
 * connections that are slow to send their HTTP requests ({@link HttpReadDeadline}).
 */
final class BoundServerContainer extends TyrusServerContainer {

    private final String host;
    private final WebSocketEngine engine;
    private final HttpReadDeadline httpReadDeadline;
    private final Map<String, HttpHandler> httpHandlers = new LinkedHashMap<>();
    private final List<AddOn> addOns = new ArrayList<>();
    private HttpServer http;
    private NetworkListener listener;

    /**
     * @param maxMessageBytes the longest text message in bytes; a frame that takes a message beyond it is
     *                        refused with 1009 on its header
     * @param httpReadTimeout how long a connection may take to send a whole HTTP request
     * @param timer           runs the deadlines of HTTP requests
     */
    BoundServerContainer(String host, int maxMessageBytes, Duration httpReadTimeout, ScheduledExecutorService timer) {
        super((Set<Class<?>>) null);
        this.host = host;
        this.httpReadDeadline = new HttpReadDeadline(timer, httpReadTimeout);
        this.engine = new FrameGuardedEngine(TyrusWebSocketEngine.builder(this)
                .incomingBufferSize(MessageSizeGuard.tyrusBufferSize(maxMessageBytes)).build(), maxMessageBytes);
    }

    /** Adds a Grizzly add-on that sees every request before Tyrus and the HTTP handlers do, before {@link #start}. */
    void addAddOn(AddOn addOn) {
        addOns.add(addOn);
    }

    /** Adds an HTTP handler at a path, before {@link #start}. */
    void addHttpHandler(HttpHandler handler, String path) {
        httpHandlers.put(path, handler);
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
        listener = new NetworkListener("jsonrpcws", host, port);
        WebSocketReadsOnSelector strategy = new WebSocketReadsOnSelector();
        listener.getTransport().setIOStrategy(strategy);
        // HTTP's idle timeout would also end WebSocket connections; HttpReadDeadline times HTTP requests instead
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(httpReadDeadline);
        listener.registerAddOn(strategy.addOn());
        listener.registerAddOn(new WebSocketUpgradesOnly());
        addOns.forEach(listener::registerAddOn);
        listener.registerAddOn(new WebSocketAddOn(this, ""));
        http.addListener(listener);
        httpHandlers.forEach((path, handler) -> http.getServerConfiguration().addHttpHandler(handler, path));
        http.getServerConfiguration().addHttpHandler(
                new CLStaticHttpHandler(BoundServerContainer.class.getClassLoader(), "/META-INF/resources/"), "/");
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
