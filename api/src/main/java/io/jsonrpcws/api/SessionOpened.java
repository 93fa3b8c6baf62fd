package io.jsonrpcws.api;

import java.util.Objects;

/**
 * The CDI event fired when a WebSocket connection opens, before any of its messages is read. The
 * connection context and a request context are active while observers run.
 *
 * <p>An observer may {@link #refuse(String) refuse} the connection: it is then closed with 1008 (policy
 * violation) and the reason, and no call of it runs. Observers run on the thread that opened the
 * connection; keep them short.
 */
public final class SessionOpened {

    private final JsonRpcSession session;
    private volatile String refusal;

    /** @param session the connection that opened */
    public SessionOpened(JsonRpcSession session) {
        this.session = Objects.requireNonNull(session);
    }

    /** The connection that opened. */
    public JsonRpcSession session() {
        return session;
    }

    /**
     * Refuses the connection.
     *
     * @param reason the close reason sent to the client, at most 123 bytes of UTF-8
     */
    public void refuse(String reason) {
        this.refusal = Objects.requireNonNull(reason);
    }

    /** The reason given to {@link #refuse(String)}, or {@code null} when the connection is accepted. */
    public String refusal() {
        return refusal;
    }
}
