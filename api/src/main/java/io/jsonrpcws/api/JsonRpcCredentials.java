package io.jsonrpcws.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a WebSocket handshake or an HTTP request to the endpoint carries for a {@link JsonRpcAuthenticator}.
 * Header names are in lower case.
 */
public interface JsonRpcCredentials {

    /** The prefix of the subprotocol that carries a bearer token in a WebSocket handshake. */
    String BEARER_PROTOCOL_PREFIX = "jsonrpcws.bearer.";

    /** Every header of the request, names in lower case. */
    Map<String, List<String>> headers();

    /** The first value of a header, by its name in any case. */
    default Optional<String> header(String name) {
        List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The bearer token: from {@code Authorization: Bearer <token>}, else from a WebSocket subprotocol offered as
     * {@code jsonrpcws.bearer.<token>} (browsers cannot set headers on a WebSocket, and a token in a URL ends up in
     * logs; the server never selects that subprotocol, only another one offered with it).
     */
    default Optional<String> bearerToken() {
        Optional<String> authorization = header("authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        if (authorization.isPresent()) {
            return authorization;
        }
        List<String> protocols = headers().getOrDefault("sec-websocket-protocol", List.of());
        for (String header : protocols) {
            for (String offered : header.split(",")) {
                String p = offered.trim();
                if (p.startsWith(BEARER_PROTOCOL_PREFIX) && p.length() > BEARER_PROTOCOL_PREFIX.length()) {
                    return Optional.of(p.substring(BEARER_PROTOCOL_PREFIX.length()));
                }
            }
        }
        return Optional.empty();
    }
}
