package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} are enforced before the call: -32010 without an
 * authenticated user, -32011 without a role, and the method does not run; method annotations win over the
 * class's; contradictions fail deployment.
 */
class AccessRulesTest {

    @RolesAllowed("admin")
    public static class Admin {
        final List<String> ran = new ArrayList<>();

        @JsonRpcMethod
        public String wipe() {
            ran.add("wipe");
            return "wiped";
        }

        @PermitAll
        @JsonRpcMethod
        public String status() {
            return "ok";
        }

        @RolesAllowed({"auditor", "admin"})
        @JsonRpcMethod
        public String audit() {
            return "audited";
        }

        @DenyAll
        @JsonRpcMethod
        public String never() {
            ran.add("never");
            return "ran";
        }
    }

    /** A connection with a user (or none) and its roles. */
    private record User(boolean isAuthenticated, Set<String> roles) implements PeerConnection {
        @Override
        public OutgoingCalls outgoingCalls() {
            return null;
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }
    }

    private final Admin admin = new Admin();
    private final JsonRpcEngine<PeerConnection> engine = Rpc.engine(admin);

    private String call(String method, PeerConnection as) {
        return engine.handle("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}", as).toCompletableFuture().join();
    }

    @Test
    void aRestrictedMethodRefusesAnonymousCallers() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32010,\"message\":\"Not authenticated\"},\"id\":1}",
                call("wipe", new User(false, Set.of())));
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32010,\"message\":\"Not authenticated\"},\"id\":1}",
                call("wipe", null), "a call without a connection (HTTP without a user) is anonymous");
        assertEquals(List.of(), admin.ran);
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32011,\"message\":\"Forbidden\"},\"id\":1}",
                call("wipe", new User(true, Set.of("auditor"))));
        assertEquals(List.of(), admin.ran);
        assertTrue(call("audit", new User(true, Set.of("auditor"))).contains("\"audited\""));
    }

    @Test
    void aUserWithTheRoleCalls() {
        assertTrue(call("wipe", new User(true, Set.of("admin"))).contains("\"wiped\""));
    }

    @Test
    void permitAllOnTheMethodWinsOverTheClass() {
        assertTrue(call("status", null).contains("\"ok\""));
    }

    @Test
    void denyAllRefusesEveryone() {
        assertTrue(call("never", new User(true, Set.of("admin"))).contains("-32011"));
        assertEquals(null, engine.handle("{\"jsonrpc\":\"2.0\",\"method\":\"never\"}", new User(true, Set.of("admin")))
                .toCompletableFuture().join(), "a refused notification is not answered");
        assertEquals(List.of(), admin.ran);
    }

    public static class Contradiction {
        @PermitAll
        @DenyAll
        @JsonRpcMethod
        public void both() {
        }

        @RolesAllowed({})
        @JsonRpcMethod
        public void noRole() {
        }
    }

    @Test
    void contradictionsFailDeploymentNamingTheMethod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainServices.table(new ServiceModel(List.of()), new Contradiction()));
        assertTrue(e.getMessage().contains("Contradiction#both declares @PermitAll and @DenyAll"), e.getMessage());
        assertTrue(e.getMessage().contains("Contradiction#noRole has @RolesAllowed without a role"), e.getMessage());
    }
}
