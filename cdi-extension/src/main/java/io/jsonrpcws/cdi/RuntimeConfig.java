package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.codec.Limits;
import io.jsonrpcws.impl.protocol.PeerProtocol;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The runtime's settings: an immutable value, built once where the runtime starts and passed in. The
 * standalone runtime takes it from {@code JsonRpcServer.builder().config(...)} (or reads system properties
 * once, in {@code main}); in a WAR it is read once from MicroProfile Config where the application has it
 * (Payara, WildFly), otherwise from system properties, unless the application declares a bean of this type.
 * Nothing reads configuration later.
 *
 * @param path              {@code jsonrpcws.path}: the endpoint's path, default {@code /jsonrpc}
 * @param maxMessageSize    {@code jsonrpcws.max-message-size}: the largest text frame in bytes, default 1 MiB;
 *                          larger frames close the connection with 1009
 * @param maxInFlight       {@code jsonrpcws.max-in-flight}: frames of one connection processed at once,
 *                          default 64; further frames wait in order
 * @param maxPendingFrames  {@code jsonrpcws.max-pending-frames}: frames of one connection waiting for a slot,
 *                          default 1024; one more closes the connection with 1008
 * @param inOrder           {@code jsonrpcws.in-order}: process one frame of a connection at a time, answers in
 *                          the order received; default {@code false}
 * @param maxSendQueueBytes {@code jsonrpcws.max-send-queue}: characters of answers waiting for a client
 *                          that does not read, default 16 Mi; beyond it the connection is closed with 1008
 * @param executor          {@code jsonrpcws.executor}: {@code auto} (the container's managed executor, else a
 *                          pool of platform threads whose waiting calls get threads of their own while all of its
 *                          threads block), {@code virtual} (a virtual thread per call) or {@code platform} (the
 *                          pool alone)
 * @param requestTimeout    {@code jsonrpcws.request-timeout}: how long a call to the client waits for its answer
 *                          unless it gives its own timeout, in milliseconds; default 30000
 * @param http              {@code jsonrpcws.http}: also answer JSON-RPC over HTTP POST at the path; default true
 * @param httpTimeout       {@code jsonrpcws.http-timeout}: how long an HTTP request waits for its calls, in
 *                          milliseconds, before 504; default 60000
 * @param limits            {@code jsonrpcws.max-batch-size}, {@code jsonrpcws.max-depth},
 *                          {@code jsonrpcws.max-string-length}, {@code jsonrpcws.max-number-length}
 * @param maxSendQueueTotal {@code jsonrpcws.max-send-queue-total}: characters of answers waiting on all connections
 *                          together, default 64 Mi; beyond it the connection with the most is closed with 1008
 * @param maxOutgoingMessage {@code jsonrpcws.max-outgoing-message}: the largest message sent, in bytes of UTF-8,
 *                          default 16 MiB; a larger result is answered with an error, a larger notification or
 *                          request of a service is refused with an exception
 * @param callTimeout       {@code jsonrpcws.call-timeout}: how long a frame's calls may run, in milliseconds, before
 *                          they are answered with -32012 and their thread is interrupted; {@code null} (the
 *                          default, key unset) for no limit
 * @param drainTimeout      {@code jsonrpcws.drain-timeout}: how long stopping waits for the calls taken before
 *                          to be answered, in milliseconds, before it closes every connection with 1001;
 *                          default 10000
 * @param invokers          {@code jsonrpcws.invokers}: how service methods are called, {@code auto} (CDI 4.1
 *                          invokers where the container has them, else method handles) or {@code method-handles}
 * @param pingInterval      {@code jsonrpcws.ping-interval}: a WebSocket connection from which nothing has arrived
 *                          for this long is sent a ping, and again after each such interval, in milliseconds;
 *                          default 30000
 * @param idleTimeout       {@code jsonrpcws.idle-timeout}: a WebSocket connection from which nothing has arrived
 *                          (no frame, no pong) for this long is closed with 1001, in milliseconds; default 90000;
 *                          must be longer than the ping interval. Connections are checked every quarter of the
 *                          ping interval, so the close comes up to that much later
 * @param httpReadTimeout   {@code jsonrpcws.http-read-timeout}: how long a TCP connection may take to send a whole
 *                          HTTP request (a WebSocket handshake included), from its opening or from the end of its
 *                          previous answer, in milliseconds, before it is closed; default 30000. Only the
 *                          standalone runtime applies it (a container has its own); WebSocket connections are
 *                          exempt once upgraded
 * @param allowedOrigins    {@code jsonrpcws.allowed-origins}: comma-separated origins that browsers' pages may call
 *                          from, besides the endpoint's own origin, such as {@code https://*.example.com}; {@code *}
 *                          matches any run of characters but {@code :} and {@code /}, and {@code *} alone allows
 *                          every origin. Default none: requests without {@code Origin} and same-origin requests only
 * @param allowedHosts      {@code jsonrpcws.allowed-hosts}: comma-separated host names (any port; {@code *} as in
 *                          origins) the {@code Host} header may name. Default none: on the standalone runtime bound
 *                          to a loopback address only {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, and
 *                          elsewhere any host
 * @param maxConnections    {@code jsonrpcws.max-connections}: open WebSocket connections of the deployment, default
 *                          10000; a handshake beyond is refused with 503
 * @param clientProtocol    {@code jsonrpcws.client-protocol}: the JSON-RPC version of the server's notifications and
 *                          requests to its WebSocket clients: {@code auto} (the default: the version of the
 *                          client's first message that has one, a call, a notification or an answer; 2.0 until
 *                          then), {@code 2.0} or {@code 1.0} (params always an array, {@code "id": null} for a
 *                          notification; by-name params are refused to the service that sends them)
 * @param maxSubscriptions  {@code jsonrpcws.max-subscriptions}: subscriptions one WebSocket connection may hold at
 *                          once, default 1024; a subscription method's request beyond is answered with -32013
 */
public record RuntimeConfig(String path, int maxMessageSize, int maxInFlight, int maxPendingFrames, boolean inOrder,
                            long maxSendQueueBytes, String executor, Duration requestTimeout, boolean http, Duration httpTimeout,
                            Limits limits, long maxSendQueueTotal, int maxOutgoingMessage, Duration drainTimeout,
                            String invokers, Duration pingInterval, Duration idleTimeout, Duration httpReadTimeout,
                            Duration callTimeout, List<String> allowedOrigins, List<String> allowedHosts, int maxConnections,
                            PeerProtocol clientProtocol, int maxSubscriptions) {

    public RuntimeConfig {
        Objects.requireNonNull(clientProtocol, "clientProtocol");
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Every setting at its default. */
    public static RuntimeConfig defaults() {
        return from(key -> Optional.empty());
    }

    /** A builder of settings given as {@code jsonrpcws.*} keys and text values; unset keys keep their defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads the settings from MicroProfile Config if present, otherwise from system properties. */
    public static RuntimeConfig load() {
        return from(source(RuntimeConfig.class.getClassLoader()));
    }

    /** Reads the settings from the JVM's system properties ({@code -Djsonrpcws.path=/rpc}). */
    public static RuntimeConfig fromSystemProperties() {
        return from(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /**
     * Collects settings as the keys of the configuration table and their text values. {@link #build()} checks
     * them as {@link #load()} would and refuses keys it does not know. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets one setting.
         *
         * @param key   a key of the configuration table, such as {@code jsonrpcws.in-order}
         * @param value its value as text, such as {@code true}
         */
        public Builder set(String key, String value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets every entry of the map, as {@link #set} does. */
        public Builder setAll(Map<String, String> settings) {
            settings.forEach(this::set);
            return this;
        }

        /**
         * @throws IllegalArgumentException for an unknown key or a value out of its range
         */
        public RuntimeConfig build() {
            Set<String> read = new HashSet<>();
            RuntimeConfig config = from(key -> {
                read.add(key);
                return Optional.ofNullable(values.get(key));
            });
            for (String key : values.keySet()) {
                if (!read.contains(key)) {
                    throw new IllegalArgumentException("unknown jsonrpcws setting: " + key);
                }
            }
            return config;
        }
    }

    /** Reads the settings from a source of raw values. */
    public static RuntimeConfig from(Function<String, Optional<String>> source) {
        Limits d = Limits.DEFAULT;
        int maxInFlight = integer(source, "jsonrpcws.max-in-flight", 64);
        boolean inOrder = source.apply("jsonrpcws.in-order").map(Boolean::parseBoolean).orElse(false);
        String path = source.apply("jsonrpcws.path").orElse("/jsonrpc");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("jsonrpcws.path must start with '/': " + path);
        }
        String executor = source.apply("jsonrpcws.executor").orElse("auto");
        if (!executor.equals("auto") && !executor.equals("virtual") && !executor.equals("platform")) {
            throw new IllegalArgumentException("jsonrpcws.executor must be auto, virtual or platform: " + executor);
        }
        String invokers = source.apply("jsonrpcws.invokers").orElse("auto");
        if (!invokers.equals("auto") && !invokers.equals("method-handles")) {
            throw new IllegalArgumentException("jsonrpcws.invokers must be auto or method-handles: " + invokers);
        }
        Duration pingInterval = Duration.ofMillis(integer(source, "jsonrpcws.ping-interval", 30_000));
        Duration idleTimeout = Duration.ofMillis(integer(source, "jsonrpcws.idle-timeout", 90_000));
        if (idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("jsonrpcws.idle-timeout (" + idleTimeout.toMillis()
                    + ") must be longer than jsonrpcws.ping-interval (" + pingInterval.toMillis() + ")");
        }
        return new RuntimeConfig(
                path,
                integer(source, "jsonrpcws.max-message-size", 1 << 20),
                inOrder ? 1 : maxInFlight,
                integer(source, "jsonrpcws.max-pending-frames", 1024),
                inOrder,
                integer(source, "jsonrpcws.max-send-queue", 16 << 20),
                executor,
                Duration.ofMillis(integer(source, "jsonrpcws.request-timeout", 30_000)),
                source.apply("jsonrpcws.http").map(Boolean::parseBoolean).orElse(true),
                Duration.ofMillis(integer(source, "jsonrpcws.http-timeout", 60_000)),
                new Limits(
                        integer(source, "jsonrpcws.max-batch-size", d.maxBatchSize()),
                        integer(source, "jsonrpcws.max-depth", d.maxDepth()),
                        integer(source, "jsonrpcws.max-string-length", d.maxStringLength()),
                        integer(source, "jsonrpcws.max-number-length", d.maxNumberLength())),
                integer(source, "jsonrpcws.max-send-queue-total", 64 << 20),
                integer(source, "jsonrpcws.max-outgoing-message", 16 << 20),
                Duration.ofMillis(integer(source, "jsonrpcws.drain-timeout", 10_000)),
                invokers,
                pingInterval,
                idleTimeout,
                Duration.ofMillis(integer(source, "jsonrpcws.http-read-timeout", 30_000)),
                source.apply("jsonrpcws.call-timeout").isEmpty() ? null
                        : Duration.ofMillis(integer(source, "jsonrpcws.call-timeout", 0)),
                list(source, "jsonrpcws.allowed-origins"),
                list(source, "jsonrpcws.allowed-hosts"),
                integer(source, "jsonrpcws.max-connections", 10_000),
                clientProtocol(source),
                integer(source, "jsonrpcws.max-subscriptions", 1024));
    }

    private static PeerProtocol clientProtocol(Function<String, Optional<String>> source) {
        String raw = source.apply("jsonrpcws.client-protocol").orElse("auto");
        try {
            return PeerProtocol.of(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jsonrpcws.client-protocol " + e.getMessage());
        }
    }

    /** Whether service methods must be called through method handles even where CDI 4.1 invokers exist. */
    public boolean forcesMethodHandles() {
        return invokers.equals("method-handles");
    }

    /** A comma-separated list, its items trimmed and in lower case, empty items left out. */
    private static List<String> list(Function<String, Optional<String>> source, String key) {
        return source.apply(key)
                .map(raw -> Arrays.stream(raw.split(","))
                        .map(item -> item.trim().toLowerCase(Locale.ROOT))
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static int integer(Function<String, Optional<String>> source, String key, int fallback) {
        Optional<String> raw = source.apply(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive integer: " + raw.get());
        }
    }

    /**
     * MicroProfile Config when its API is visible (found reflectively, once: the jar does not depend on it),
     * otherwise system properties.
     */
    @SuppressWarnings("unchecked")
    static Function<String, Optional<String>> source(ClassLoader loader) {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
            Class<?> configType = Class.forName("org.eclipse.microprofile.config.Config", true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object config = lookup.findStatic(provider, "getConfig", MethodType.methodType(configType)).invoke();
            MethodHandle get = lookup.findVirtual(configType, "getOptionalValue",
                    MethodType.methodType(Optional.class, String.class, Class.class)).bindTo(config);
            return key -> {
                try {
                    return (Optional<String>) get.invoke(key, String.class);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException("MicroProfile Config failed on " + key, t);
                }
            };
        } catch (Throwable absent) {
            return key -> Optional.ofNullable(System.getProperty(key));
        }
    }
}
