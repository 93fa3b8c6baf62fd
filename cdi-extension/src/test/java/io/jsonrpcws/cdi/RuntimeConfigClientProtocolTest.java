package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.protocol.PeerProtocol;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code jsonrpcws.client-protocol}: {@code auto} by default, {@code 2.0} or {@code 1.0}; anything else is refused by name. */
class RuntimeConfigClientProtocolTest {

    @Test
    void autoUnlessSet() {
        assertEquals(PeerProtocol.AUTO, RuntimeConfig.defaults().clientProtocol());
        assertEquals(PeerProtocol.V1_0, RuntimeConfig.builder().set("jsonrpcws.client-protocol", "1.0").build().clientProtocol());
        assertEquals(PeerProtocol.V2_0, RuntimeConfig.builder().set("jsonrpcws.client-protocol", "2.0").build().clientProtocol());
        assertEquals(PeerProtocol.AUTO, RuntimeConfig.builder().set("jsonrpcws.client-protocol", "AUTO").build().clientProtocol());
    }

    @Test
    void otherValuesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeConfig.builder().set("jsonrpcws.client-protocol", "2").build());
        assertEquals("jsonrpcws.client-protocol must be auto, 2.0 or 1.0: 2", e.getMessage());
    }
}
