package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcAuthenticator;
import io.jsonrpcws.api.JsonRpcCredentials;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcIdentity;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.client.JsonRpcClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Java client's bearer token reaches the server's authenticator, and roles follow from it. */
@JsonRpcTest(services = {BearerTokenReachesTheAuthenticatorTest.Reports.class, BearerTokenReachesTheAuthenticatorTest.Tokens.class})
class BearerTokenReachesTheAuthenticatorTest {

    @JsonRpcService("reports")
    public static class Reports {
        @RolesAllowed("analyst")
        @JsonRpcMethod
        public int total() {
            return 7;
        }
    }

    @ApplicationScoped
    public static class Tokens implements JsonRpcAuthenticator {
        @Override
        public Optional<JsonRpcIdentity> authenticate(JsonRpcCredentials credentials) {
            return credentials.bearerToken().filter("s3cret"::equals).map(t -> JsonRpcIdentity.of("ann", Set.of("analyst")));
        }
    }

    @Test
    void withTheTokenTheCallIsAllowed(URI uri) {
        try (JsonRpcClient client = JsonRpcClient.builder(uri).bearerToken("s3cret").connect()) {
            assertEquals(7, Await.result(client.call("reports.total", Integer.class)));
        }
    }

    @Test
    void withoutItTheCallIsNotAuthenticated(JsonRpcClient anonymous) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> anonymous.call("reports.total", Integer.class).toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertEquals(-32010, assertInstanceOf(JsonRpcException.class, e.getCause()).code());
    }
}
