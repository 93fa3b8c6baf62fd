package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.websocket.DeploymentException;

import java.io.IOException;

/** The servers of the streams benchmark, on Tyrus 2.2 standalone on Grizzly, each serving {@code /jsonrpc}. */
public enum StreamServerKind {

    /** This framework's standalone runtime with {@link StreamService}. */
    OURS_STREAM("jsonrpcws"),
    /**
     * {@link RawStreamEndpoint}, reading on Grizzly's selector threads as the standalone runtime does: the transport's
     * real limit for the same frames.
     */
    RAW_STREAM("raw async");

    private final String label;

    StreamServerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Starts this server on the host and any free port. */
    public ServerKind.Running start(String host) {
        if (this == OURS_STREAM) {
            JsonRpcServer server = JsonRpcServer.builder().host(host).port(0).beanClasses(StreamService.class).start();
            return new ServerKind.Running() {
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
        TyrusOnGrizzly container = new TyrusOnGrizzly(host, true);
        try {
            container.addEndpoint(RawStreamEndpoint.class);
            container.start("", 0);
        } catch (IOException | DeploymentException e) {
            container.stop();
            throw new IllegalStateException("cannot start the " + label + " server: " + e.getMessage(), e);
        }
        return new ServerKind.Running() {
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
