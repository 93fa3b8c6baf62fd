package io.jsonrpcws.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The open WebSocket connections of the application, for pushing to many clients. Injectable with
 * {@code @Inject} anywhere. Safe while connections come and go: every method returns a snapshot, and a
 * session that closes after the snapshot ignores {@link JsonRpcSession#notify} and fails requests.
 */
public interface JsonRpcSessions {

    /** The open sessions now. */
    List<JsonRpcSession> all();

    /** The open session with this id. */
    Optional<JsonRpcSession> find(String id);

    /** The open sessions the predicate accepts, for example on their {@link JsonRpcSession#properties()}. */
    List<JsonRpcSession> matching(Predicate<? super JsonRpcSession> predicate);

    /** Notifies every open session; returns how many were notified. */
    default int broadcast(String method, Object... params) {
        List<JsonRpcSession> sessions = all();
        sessions.forEach(s -> s.notify(method, params));
        return sessions.size();
    }
}
