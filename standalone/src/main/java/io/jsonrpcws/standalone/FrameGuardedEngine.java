package io.jsonrpcws.standalone;

import io.jsonrpcws.cdi.ContainerFrames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Tyrus's engine, with a {@link MessageSizeGuard} in front of the reader of every connection it upgrades (which
 * also reads plain text messages itself), and its text frames written by a {@link TyrusTextWriter}. Everything
 * else is Tyrus's own.
 */
final class FrameGuardedEngine implements WebSocketEngine {

    private final WebSocketEngine tyrus;
    private final int maxMessageBytes;

    /**
     * @param tyrus           the engine, whose incoming buffer holds at least
     *                        {@link MessageSizeGuard#tyrusBufferSize(int)} bytes
     * @param maxMessageBytes the longest text message in bytes
     */
    FrameGuardedEngine(WebSocketEngine tyrus, int maxMessageBytes) {
        this.tyrus = tyrus;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
        UpgradeInfo upgrade = tyrus.upgrade(request, response);
        if (upgrade.getStatus() != UpgradeStatus.SUCCESS) {
            return upgrade;
        }
        return new UpgradeInfo() {
            @Override
            public UpgradeStatus getStatus() {
                return upgrade.getStatus();
            }

            @Override
            public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                // the endpoint's onOpen runs within, on this thread: it takes the writer of its text frames and
                // offers the reader of its text messages
                ContainerFrames.Opening opening = ContainerFrames.begin(session -> TyrusTextWriter.of(session, writer));
                Connection connection;
                try {
                    connection = upgrade.createConnection(writer, closeListener);
                } finally {
                    ContainerFrames.end();
                }
                return guarded(connection, opening.reader());
            }
        };
    }

    private Connection guarded(Connection connection, MessageHandler.Partial<String> reader) {
        ReadHandler guard = new MessageSizeGuard(connection.getReadHandler(), connection, maxMessageBytes, reader);
        return new Connection() {
            @Override
            public ReadHandler getReadHandler() {
                return guard;
            }

            @Override
            public Writer getWriter() {
                return connection.getWriter();
            }

            @Override
            public CloseListener getCloseListener() {
                return connection.getCloseListener();
            }

            @Override
            public void close(CloseReason reason) {
                connection.close(reason);
            }
        };
    }

    @Override
    public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
        tyrus.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverConfig, String contextPath) throws DeploymentException {
        tyrus.register(serverConfig, contextPath);
    }
}
