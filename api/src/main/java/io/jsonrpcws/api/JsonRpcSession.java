package io.jsonrpcws.api;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One client's WebSocket connection, as services see it.
 *
 * <p>Injectable with {@code @Inject} wherever a call or a connection event of the connection is active,
 * and resolvable as a service method parameter. The object stays valid after the connection closes;
 * {@link #isOpen()} then answers {@code false}. Thread-safe.
 */
public interface JsonRpcSession {

    /** An id unique among the open sessions of this server. */
    String id();

    /** The authenticated user of the handshake, if any. */
    Optional<Principal> userPrincipal();

    /** The handshake's HTTP headers, names in lower case; unmodifiable. */
    Map<String, List<String>> headers();

    /** The handshake's query parameters; unmodifiable. */
    Map<String, List<String>> queryParameters();

    /** The path parameters of the endpoint's URI template; unmodifiable. */
    Map<String, String> pathParameters();

    /**
     * The HTTP session of the handshake where the container has one ({@code jakarta.servlet.http.HttpSession}
     * in a WAR); empty on the standalone runtime.
     */
    Optional<Object> httpSession();

    /** Properties for the application's own use, kept for the life of the connection; thread-safe. */
    Map<String, Object> properties();

    /** Whether the connection is open. */
    boolean isOpen();

    /** Closes the connection normally (1000). Does nothing if it is closed already. */
    void close();

    /**
     * Closes the connection with a code and reason.
     *
     * @param code   a WebSocket close code: 1000, 1001, 1008, 1011, or one from 4000 to 4999
     * @param reason at most 123 bytes of UTF-8; may be empty
     */
    void close(int code, String reason);
}
