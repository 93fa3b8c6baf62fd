package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.security.Principal;

/**
 * A service for members (the class's rule), with a method open to everyone and one open to no one (the methods'
 * rules, which win over the class's).
 */
@JsonRpcService("club")
@RolesAllowed(Clubhouse.MEMBER)
public class Clubhouse {

    /** The role the service asks for. */
    public static final String MEMBER = "member";

    /** For members: greets the caller by name. */
    @JsonRpcMethod
    public String lounge(JsonRpcSession session) {
        return "welcome, " + whoami(session);
    }

    /** For everyone: the caller's name, or {@code null} for a caller without a user. */
    @PermitAll
    @JsonRpcMethod
    public String whoami(JsonRpcSession session) {
        return session.userPrincipal().map(Principal::getName).orElse(null);
    }

    /** For no one. */
    @DenyAll
    @JsonRpcMethod
    public String vault() {
        return "opened";
    }
}
