package io.jsonrpcws.api;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who a connection (or an HTTP request) belongs to, as a {@link JsonRpcAuthenticator} decided it: the user, their
 * roles, and optionally when this identity expires. A connection whose identity expires is closed with 1008.
 *
 * @param principal the authenticated user
 * @param roles     the user's roles, matched against {@code @RolesAllowed}
 * @param expiresAt when the identity stops being valid, or {@code null} for never
 */
public record JsonRpcIdentity(Principal principal, Set<String> roles, Instant expiresAt) {

    public JsonRpcIdentity {
        Objects.requireNonNull(principal, "principal");
        roles = Set.copyOf(roles);
    }

    /** A user by name, with these roles, that does not expire. */
    public static JsonRpcIdentity of(String name, Set<String> roles) {
        Objects.requireNonNull(name, "name");
        return new JsonRpcIdentity(new NamedPrincipal(name), roles, null);
    }

    /** This identity, expiring at the given instant. */
    public JsonRpcIdentity expiringAt(Instant instant) {
        return new JsonRpcIdentity(principal, roles, Objects.requireNonNull(instant));
    }

    private record NamedPrincipal(String getName) implements Principal {
        @Override
        public String toString() {
            return getName;
        }
    }
}
