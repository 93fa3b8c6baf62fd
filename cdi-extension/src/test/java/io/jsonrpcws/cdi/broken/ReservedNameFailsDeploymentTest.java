package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.reservedname.Introspection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A method mapped to a name starting with {@code rpc.} fails deployment: JSON-RPC 2.0 reserves those names. */
class ReservedNameFailsDeploymentTest {

    @Test
    void reservedPrefixIsRefused() {
        assertEquals(java.util.List.of(Introspection.class.getName()
                        + "#discover maps to 'rpc.discover': names starting with 'rpc.' are reserved by JSON-RPC 2.0"),
                BrokenDeployment.problems(BrokenDeployment.failure(Introspection.class)));
    }
}
