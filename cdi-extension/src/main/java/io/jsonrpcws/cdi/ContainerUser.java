package io.jsonrpcws.cdi;

import java.security.Principal;

/** The container's authenticated user of a handshake (Jakarta Security, servlet security constraints). */
interface ContainerUser {

    /** The user, or {@code null} when the request is not authenticated. */
    Principal principal();

    /** Whether the user has the role; asked once per role that the services name. */
    boolean isInRole(String role);
}
