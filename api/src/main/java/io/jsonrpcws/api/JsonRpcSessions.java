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

    /**
     * Notifies every open session with params by position or by name. Sessions that speak JSON-RPC 1.0 cannot
     * take params by name: they are left out of a by-name broadcast.
     *
     * @return how many sessions were notified
     */
    default int broadcast(String method, Params params) {
        int notified = 0;
        for (JsonRpcSession s : all()) {
            try {
                s.notify(method, params);
                notified++;
            } catch (IllegalStateException speaksOneZero) {
                // by-name params to a JSON-RPC 1.0 client: that session is left out, as documented
            }
        }
        return notified;
    }
}
