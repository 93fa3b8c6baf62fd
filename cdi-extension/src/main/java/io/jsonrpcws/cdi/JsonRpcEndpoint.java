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
    /** A close reported before {@link #onOpen} had the connection: a refusal, or a failed opening. */
    private CloseReason closedEarly;

    JsonRpcEndpoint(JsonRpcRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Object handshake = session.getUserProperties().remove(HandshakeData.KEY);
        WebSocketConnection c = runtime.open(session, handshake instanceof HandshakeData h ? h : HandshakeData.NONE);
        CloseReason early;
        synchronized (this) {
            connection = c;
            early = closedEarly;
        }
        if (early != null) {
            // Tyrus calls onClose from within Session.close(), so a connection refused in open() ends here
            runtime.closed(c, early);
            return;
        }
        session.addMessageHandler(String.class, c::onText);
        session.addMessageHandler(ByteBuffer.class, binary ->
                c.close(CloseReason.CloseCodes.CANNOT_ACCEPT.getCode(), "binary frames are not supported"));
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        WebSocketConnection c;
        synchronized (this) {
            c = connection;
            if (c == null) {
                closedEarly = reason;
                return;
            }
        }
        runtime.closed(c, reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.DEBUG, () -> "WebSocket error on connection " + session.getId(), failure);
    }
}
