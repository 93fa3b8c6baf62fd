package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.engine.OutgoingCalls;

import java.lang.reflect.Type;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP POST as a caller: its identity for {@code @RolesAllowed}, and the {@link JsonRpcSession} that
 * {@code SessionOpened} observers see, so that what admits or refuses a WebSocket connection applies to HTTP calls
 * too. It lives for one request and cannot be called back.
 */
final class HttpCaller implements Caller, JsonRpcSession {

    private final HandshakeData request;
    private final String id = "http-" + UUID.randomUUID();
    private final Map<String, Object> properties = new ConcurrentHashMap<>();

    HttpCaller(HandshakeData request) {
        this.request = request;
    }

    @Override
    public JsonRpcSession session() {
        return this;
    }

    @Override
    public WebSocketConnection webSocketConnection() {
        return null;
    }

    /** An HTTP request cannot take answers to calls of the server: there are none. */
    @Override
    public OutgoingCalls outgoingCalls() {
        return null;
    }

    @Override
    public void close(int code, String reason) {
        // one request, answered once: nothing to close
    }

    @Override
    public boolean isAuthenticated() {
        return request.identity() != null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.identity() != null && request.identity().roles().contains(role);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Principal> userPrincipal() {
        return request.identity() == null ? Optional.empty() : Optional.of(request.identity().principal());
    }

    @Override
    public Map<String, List<String>> headers() {
        return request.headers();
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return Map.of();
    }

    @Override
    public Map<String, String> pathParameters() {
        return Map.of();
    }

    @Override
    public Optional<Object> httpSession() {
        return Optional.ofNullable(request.httpSession());
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public void notify(String method, Object... params) {
        throw notOverHttp();
    }

    @Override
    public <T> CompletionStage<T> request(String method, Class<T> resultType, Object... params) {
        throw notOverHttp();
    }

    @Override
    public <T> CompletionStage<T> request(Duration timeout, String method, Type resultType, Object... params) {
        throw notOverHttp();
    }

    @Override
    public void notify(String method, Params params) {
        throw notOverHttp();
    }

    @Override
    public <T> CompletionStage<T> request(String method, Class<T> resultType, Params params) {
        throw notOverHttp();
    }

    @Override
    public <T> CompletionStage<T> request(Duration timeout, String method, Type resultType, Params params) {
        throw notOverHttp();
    }

    @Override
    public <T> T remote(Class<T> clientInterface) {
        throw notOverHttp();
    }

    private static UnsupportedOperationException notOverHttp() {
        return new UnsupportedOperationException("an HTTP request cannot be called back; call clients over WebSocket");
    }

    @Override
    public String toString() {
        return "JsonRpcSession[HTTP " + id + "]";
    }
}
