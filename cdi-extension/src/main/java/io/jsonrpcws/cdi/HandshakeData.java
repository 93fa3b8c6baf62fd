package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcAuthenticationException;
import io.jsonrpcws.api.JsonRpcCredentials;
import io.jsonrpcws.api.JsonRpcIdentity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the handshake request tells that the WebSocket {@code Session} does not: its headers and HTTP
 * session. Carried from {@code modifyHandshake} to the session in the user properties, which Jakarta
 * WebSocket 2.1 copies per connection.
 *
 * @param headers     header names in lower case
 * @param httpSession the container's HTTP session, or {@code null}
 * @param identity    the connection's user, or {@code null} for none
 * @param refusal     why the handshake's caller is refused, or {@code null} when admitted
 */
record HandshakeData(Map<String, List<String>> headers, Object httpSession, JsonRpcIdentity identity,
                     JsonRpcAuthenticationException refusal) implements JsonRpcCredentials {

    /** The user-properties key under which the configurator leaves it. */
    static final String KEY = HandshakeData.class.getName();

    static final HandshakeData NONE = new HandshakeData(Map.of(), null, null, null);

    /** This handshake, with its caller's identity or refusal decided. */
    HandshakeData authenticated(JsonRpcIdentity identity, JsonRpcAuthenticationException refusal) {
        return new HandshakeData(headers, httpSession, identity, refusal);
    }

    static HandshakeData of(Map<String, List<String>> headers, Object httpSession) {
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                    (a, b) -> {
                        List<String> all = new java.util.ArrayList<>(a);
                        all.addAll(b);
                        return List.copyOf(all);
                    }));
        }
        return new HandshakeData(Map.copyOf(lower), httpSession, null, null);
    }
}
