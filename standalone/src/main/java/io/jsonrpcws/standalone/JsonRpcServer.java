package io.jsonrpcws.standalone;

import io.jsonrpcws.cdi.HttpCalls;
import io.jsonrpcws.cdi.JsonRpcEndpointConfigurator;
import io.jsonrpcws.cdi.JsonRpcExtension;
import io.jsonrpcws.cdi.JsonRpcRuntime;
import io.jsonrpcws.cdi.RequestGate;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.cdi.SuppliedConfig;
import jakarta.websocket.DeploymentException;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone runtime: boots CDI (Weld SE) with the application's {@code @JsonRpcService} beans and
 * serves them over WebSocket (Tyrus on Grizzly) at {@code ws://host:port/jsonrpc} (the path is
 * {@code jsonrpcws.path}). It binds only the address it is given, {@code 127.0.0.1} by default, and serves
 * the classpath's {@code META-INF/resources/} as static files. Requests pass the {@link RequestGate} first: bound to
 * a loopback address, the server answers only requests naming a loopback host ({@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}) or one of {@code jsonrpcws.allowed-hosts}, against DNS rebinding; browsers' pages of other origins
 * than the endpoint's own are refused unless {@code jsonrpcws.allowed-origins} lists them.
 *
 * <pre>{@code
 * try (JsonRpcServer server = JsonRpcServer.start("127.0.0.1", 8080)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Several servers may run in one JVM. Thread-safe; {@link #stop()} is idempotent.
 */
public final class JsonRpcServer implements AutoCloseable {

    /** The address bound when none is given: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The port bound when none is given. */
    public static final int DEFAULT_PORT = 8080;

    private final WeldContainer cdi;
    private final JsonRpcRuntime runtime;
    private final BoundServerContainer webSocket;
    private final String host;
    private final String path;
    private boolean stopped;

    private JsonRpcServer(WeldContainer cdi, JsonRpcRuntime runtime, BoundServerContainer webSocket, String host, String path) {
        this.cdi = cdi;
        this.runtime = runtime;
        this.webSocket = webSocket;
        this.host = host;
        this.path = path;
    }

    /**
     * Starts a server with every bean archive of the classpath (archives with a {@code beans.xml}).
     *
     * @param host the address to bind, such as {@code 127.0.0.1}
     * @param port the port, or 0 for any free port
     * @throws IllegalStateException when the application fails deployment (the message lists its problems)
     *                               or the address cannot be bound
     */
    public static JsonRpcServer start(String host, int port) {
        return builder().host(host).port(port).start();
    }

    /** A builder, for choosing the services rather than discovering them. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a server before {@link #start()}. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private final List<Class<?>> beanClasses = new ArrayList<>();
        private RuntimeConfig config;

        private Builder() {
        }

        /**
         * The runtime's settings. Unless given, they are read from the system properties once, by
         * {@link #start()}.
         */
        public Builder config(RuntimeConfig config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** @param port the port, or 0 for any free port */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Deploys exactly these bean classes (services, and the beans they need) instead of discovering the
         * classpath's bean archives.
         */
        public Builder beanClasses(Class<?>... classes) {
            beanClasses.addAll(Arrays.asList(classes));
            return this;
        }

        /**
         * Boots CDI and starts listening.
         *
         * @throws IllegalStateException when deployment fails or the address cannot be bound
         */
        public JsonRpcServer start() {
            RuntimeConfig settings = config != null ? config : RuntimeConfig.fromSystemProperties();
            Weld weld = new Weld(UUID.randomUUID().toString()).property("org.jboss.weld.se.shutdownHook", false)
                    .addExtension(new SuppliedConfig(settings));
            if (!beanClasses.isEmpty()) {
                // without discovery Weld SE loads no extension from META-INF/services either, ours included
                weld.disableDiscovery().addBeanClasses(beanClasses.toArray(Class<?>[]::new))
                        .addExtension(new JsonRpcExtension());
            }
            WeldContainer cdi;
            try {
                cdi = weld.initialize();
            } catch (RuntimeException e) {
                throw new IllegalStateException("the application failed deployment: " + e.getMessage(), e);
            }
            try {
                JsonRpcRuntime runtime = cdi.getBeanManager().getExtension(JsonRpcExtension.class).runtime();
                BoundServerContainer container = new BoundServerContainer(host, runtime.config().maxMessageSize(),
                        runtime.config().httpReadTimeout(), runtime.timer());
                container.addEndpoint(JsonRpcEndpointConfigurator.endpointConfig(runtime));
                boolean loopback = InetAddress.getByName(host).isLoopbackAddress();
                container.addAddOn(new RequestGateFilter(RequestGate.of(runtime, loopback), runtime.config().path()));
                if (runtime.config().http()) {
                    container.addHttpHandler(new HttpCallHandler(new HttpCalls(runtime)), runtime.config().path());
                }
                container.start("", port);
                JsonRpcServer server = new JsonRpcServer(cdi, runtime, container, host, runtime.config().path());
                runtime.announce(server.uri().toString(), Set.of());
                return server;
            } catch (IOException e) {
                cdi.shutdown();
                throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            } catch (DeploymentException | RuntimeException e) {
                cdi.shutdown();
                throw new IllegalStateException("the WebSocket endpoint failed to start: " + e.getMessage(), e);
            }
        }
    }

    /** The port listened on (the one chosen when 0 was asked). */
    public int port() {
        return webSocket.getPort();
    }

    /** The host bound. */
    public String host() {
        return host;
    }

    /** The WebSocket URI of the JSON-RPC endpoint, such as {@code ws://127.0.0.1:8080/jsonrpc}. */
    public URI uri() {
        return URI.create("ws://" + hostForUri() + ":" + port() + path);
    }

    /** The HTTP URI of the static files' root, such as {@code http://127.0.0.1:8080/}. */
    public URI httpUri() {
        return URI.create("http://" + hostForUri() + ":" + port() + "/");
    }

    private String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The CDI container of the application, for tests and embedding. */
    public WeldContainer cdi() {
        return cdi;
    }

    /**
     * Stops gracefully and shuts CDI down: new connections are refused, calls taken before are answered (for at
     * most {@code jsonrpcws.drain-timeout}, 10 s by default), then every connection is closed with 1001 ("going
     * away") and pending calls to clients fail with {@code ConnectionClosedException}. Idempotent; returns when
     * the server has stopped.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            runtime.stop();
            webSocket.stop();
        } finally {
            cdi.shutdown();
        }
    }
    @Override
    public void close() {
        stop();
    }

    /**
     * Runs a server until the JVM stops. Arguments: {@code [host] [port]}, else the system properties
     * {@code jsonrpcws.host} and {@code jsonrpcws.port}, else {@code 127.0.0.1:8080}.
     */
    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : System.getProperty("jsonrpcws.host", DEFAULT_HOST);
        int port = Integer.parseInt(args.length > 1 ? args[1] : System.getProperty("jsonrpcws.port", String.valueOf(DEFAULT_PORT)));
        JsonRpcServer server = start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "jsonrpcws-shutdown"));
        System.out.println("jsonrpcws is listening: JSON-RPC at " + server.uri() + ", pages at " + server.httpUri());
        stopped.await();
    }
}
