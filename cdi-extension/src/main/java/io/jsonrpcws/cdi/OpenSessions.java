package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.JsonRpcSessions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The deployment's open connections, by id. Lock-free; answers are snapshots. */
final class OpenSessions implements JsonRpcSessions {

    private final Map<String, WebSocketConnection> open = new ConcurrentHashMap<>();

    void add(WebSocketConnection connection) {
        open.put(connection.id(), connection);
    }

    void remove(WebSocketConnection connection) {
        open.remove(connection.id(), connection);
    }

    /** The open connections now. */
    List<WebSocketConnection> connections() {
        return List.copyOf(open.values());
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    @Override
    public List<JsonRpcSession> all() {
        return List.copyOf(open.values());
    }

    @Override
    public Optional<JsonRpcSession> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    @Override
    public List<JsonRpcSession> matching(Predicate<? super JsonRpcSession> predicate) {
        return open.values().stream().filter(predicate).map(JsonRpcSession.class::cast).toList();
    }
}
