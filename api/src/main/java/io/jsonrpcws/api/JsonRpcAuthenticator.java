package io.jsonrpcws.api;

import java.util.Optional;

/**
 * Authenticates each WebSocket handshake to the endpoint, before the connection opens. Declare one CDI bean of
 * this type (typically {@code @ApplicationScoped}); without one, a WAR's connections carry the container's
 * authenticated user of the handshake (Jakarta Security, servlet security constraints) and the standalone
 * runtime's carry none.
 *
 * <p>Called on the container's thread handling the handshake: keep it quick, verify tokens locally.
 */
public interface JsonRpcAuthenticator {

    /**
     * @param credentials the handshake's headers, cookies and bearer token
     * @return the caller's identity, or empty to admit the caller without a user (methods with
     *         {@code @RolesAllowed} then answer "not authenticated")
     * @throws JsonRpcAuthenticationException to refuse the connection
     */
    Optional<JsonRpcIdentity> authenticate(JsonRpcCredentials credentials);
}
