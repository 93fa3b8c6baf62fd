package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;

/** The servers compared, each on Tyrus 2.2 standalone on Grizzly, each serving {@code /jsonrpc}. */
public enum ServerKind {

    /** A Jakarta WebSocket endpoint that sends each frame back: the transport's limit. */
    RAW("raw echo"),
    /**
     * A Jakarta WebSocket endpoint that sends each frame back asynchronously, on a transport that reads on
     * Grizzly's selector threads as the standalone runtime does: the transport's real limit.
     */
    RAW_ASYNC("raw echo, async"),
    /** A hand-written endpoint: JSON-P in, JSON-B out. */
    JSONP("JSON-P/JSON-B"),
    /** Eclipse LSP4J's websocket.jakarta. */
    LSP4J("LSP4J"),
    /** This framework's standalone runtime; calls run on the call executor. */
    OURS("jsonrpcws"),
    /** This framework's standalone runtime with a {@code @NonBlocking} service: calls run where read. */
    OURS_INLINE("jsonrpcws @NonBlocking"),
    /** This framework's standalone runtime with {@code jsonrpcws.executor=virtual}: a virtual thread per call on 21+. */
    OURS_VIRTUAL("jsonrpcws executor=virtual"),
    /** This framework's standalone runtime with {@code jsonrpcws.in-order=true}: a connection's calls one at a time. */
    OURS_IN_ORDER("jsonrpcws in-order");

    /** The path every server answers at. */
    public static final String PATH = "/jsonrpc";

    private final String label;

    ServerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A started server. */
    public interface Running extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    /** Starts this server on the host and any free port. */
    public Running start(String host) {
        if (this == OURS || this == OURS_INLINE || this == OURS_VIRTUAL || this == OURS_IN_ORDER) {
            RuntimeConfig.Builder config = RuntimeConfig.builder();
            if (this == OURS_VIRTUAL) {
                config.set("jsonrpcws.executor", "virtual");
            } else if (this == OURS_IN_ORDER) {
                config.set("jsonrpcws.in-order", "true");
            }
            JsonRpcServer server = JsonRpcServer.builder().host(host).port(0).config(config.build())
                    .beanClasses(this == OURS_INLINE ? NonBlockingEchoService.class : EchoService.class).start();
            return new Running() {
                @Override
                public int port() {
                    return server.port();
                }

                @Override
                public void close() {
                    server.stop();
                }
            };
        }
        TyrusOnGrizzly container = new TyrusOnGrizzly(host, this == RAW_ASYNC);
        try {
            switch (this) {
                case RAW -> container.addEndpoint(RawEchoEndpoint.class);
                case RAW_ASYNC -> container.addEndpoint(RawAsyncEchoEndpoint.class);
                case JSONP -> container.addEndpoint(HandWrittenEndpoint.class);
                case LSP4J -> container.addEndpoint(ServerEndpointConfig.Builder.create(LspEchoEndpoint.class, PATH).build());
                default -> throw new AssertionError(this);
            }
            container.start("", 0);
        } catch (IOException | DeploymentException e) {
            container.stop();
            throw new IllegalStateException("cannot start the " + label + " server: " + e.getMessage(), e);
        }
        return new Running() {
            @Override
            public int port() {
                return container.getPort();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
