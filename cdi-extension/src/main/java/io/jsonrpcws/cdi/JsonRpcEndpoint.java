package io.jsonrpcws.cdi;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

/**
 * The one WebSocket endpoint of an application: each text frame is a JSON-RPC message or batch, handed
 * to the runtime. One instance per connection. Binary frames are refused with 1003; the container
 * closes over-long frames with 1009 and invalid UTF-8 with 1007.
 */
public final class JsonRpcEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(JsonRpcEndpoint.class.getName());

    private final JsonRpcRuntime runtime;
    private WebSocketConnection connection;

    JsonRpcEndpoint(JsonRpcRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Object handshake = session.getUserProperties().remove(HandshakeData.KEY);
        WebSocketConnection c = runtime.open(session, handshake instanceof HandshakeData h ? h : HandshakeData.NONE);
        connection = c;
        session.addMessageHandler(String.class, c::onText);
        session.addMessageHandler(ByteBuffer.class, binary ->
                c.close(CloseReason.CloseCodes.CANNOT_ACCEPT.getCode(), "binary frames are not supported"));
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (connection != null) {
            runtime.closed(connection, reason);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.DEBUG, () -> "WebSocket error on connection " + session.getId(), failure);
    }
}
