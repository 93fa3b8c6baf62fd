package io.jsonrpcws.cdi;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

/**
 * The one WebSocket endpoint of an application: each text frame is a JSON-RPC message or batch, handed
 * to the runtime. One instance per connection. Binary frames are refused with 1003, and messages longer
 * than {@code jsonrpcws.max-message-size} with 1009 as soon as a fragment takes them over the limit; the
 * container closes invalid UTF-8 with 1007. A single frame longer than the container's own read buffer
 * never reaches the endpoint (Tyrus closes it with 1011, "Buffer overflow."); the standalone runtime refuses
 * a frame over the limit with 1009 on its header, before that can happen. Every frame and pong that
 * arrives tells the runtime's {@link Heartbeat} the connection is alive.
 */
public final class JsonRpcEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(JsonRpcEndpoint.class.getName());

    private final JsonRpcRuntime runtime;
    private WebSocketConnection connection;
    private Heartbeat.Watch watch;
    /** A close reported before {@link #onOpen} had the connection: a refusal, or a failed opening. */
    private CloseReason closedEarly;

    JsonRpcEndpoint(JsonRpcRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (!runtime.connectionSlots().tryAcquire()) {
            // a handshake that raced past the gate's check of jsonrpcws.max-connections
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections"));
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> "closing connection " + session.getId() + " beyond the limit failed", e);
            }
            return;
        }
        // the runtime's own heartbeat ends quiet connections (jsonrpcws.idle-timeout); the container's idle timer
        // would only cost: Tyrus 2.2 cancels and schedules a timer task for every frame read or sent unless the
        // timeout is negative, one lock hand-off and one timer wake-up per frame (1.3 context switches per item
        // of a subscription)
        session.setMaxIdleTimeout(-1);
        Object handshake = session.getUserProperties().remove(HandshakeData.KEY);
        WebSocketConnection c = runtime.open(session, handshake instanceof HandshakeData h ? h : HandshakeData.NONE);
        Heartbeat.Watch w = runtime.heartbeat().watch(session, c);
        CloseReason early;
        synchronized (this) {
            connection = c;
            watch = w;
            early = closedEarly;
        }
        if (early != null) {
            // Tyrus calls onClose from within Session.close(), so a connection refused in open() ends here
            runtime.heartbeat().forget(w);
            runtime.closed(c, early);
            return;
        }
        int maxBytes = runtime.config().maxMessageSize();
        // partial handlers: the container then buffers neither fragmented text nor binary messages itself
        IncomingText text = new IncomingText(maxBytes, c::onText,
                () -> c.close(CloseReason.CloseCodes.TOO_BIG.getCode(), "a message may have " + maxBytes + " bytes"));
        MessageHandler.Partial<String> reader = (part, last) -> {
            w.heard();
            try {
                text.onMessage(part, last);
            } catch (RuntimeException e) {
                // never let it reach Tyrus: for onError it makes a new endpoint, kept for good if the session closed
                LOG.log(Level.ERROR, "JRWS-0715 a frame of connection " + c.id() + " failed; closing it", e);
                c.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "internal error");
            }
        };
        session.addMessageHandler(String.class, reader);
        // a container that reads plain text frames itself delivers them here too, as long as the session is open,
        // as the container drops what comes once it is closed
        ContainerFrames.offerReader((part, last) -> {
            if (session.isOpen()) {
                reader.onMessage(part, last);
            }
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (binary, last) ->
                c.close(CloseReason.CloseCodes.CANNOT_ACCEPT.getCode(), "binary frames are not supported"));
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> w.heard());
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        WebSocketConnection c;
        Heartbeat.Watch w;
        synchronized (this) {
            c = connection;
            w = watch;
            if (c == null) {
                closedEarly = reason;
                return;
            }
        }
        runtime.heartbeat().forget(w);
        runtime.closed(c, reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.DEBUG, () -> "WebSocket error on connection " + session.getId(), failure);
    }
}
