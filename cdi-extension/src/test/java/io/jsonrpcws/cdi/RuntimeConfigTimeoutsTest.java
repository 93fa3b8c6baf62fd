package io.jsonrpcws.cdi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The timeouts of the transport: their defaults, their keys, and an idle timeout that pings cannot beat. */
class RuntimeConfigTimeoutsTest {

    private static RuntimeConfig read(Map<String, String> values) {
        return RuntimeConfig.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaults() {
        RuntimeConfig config = read(Map.of());

        assertEquals(Duration.ofSeconds(30), config.pingInterval());
        assertEquals(Duration.ofSeconds(90), config.idleTimeout());
        assertEquals(Duration.ofSeconds(30), config.httpReadTimeout());
    }

    @Test
    void keysInMilliseconds() {
        RuntimeConfig config = read(Map.of("jsonrpcws.ping-interval", "100", "jsonrpcws.idle-timeout", "300",
                "jsonrpcws.http-read-timeout", "250"));

        assertEquals(Duration.ofMillis(100), config.pingInterval());
        assertEquals(Duration.ofMillis(300), config.idleTimeout());
        assertEquals(Duration.ofMillis(250), config.httpReadTimeout());
    }

    @Test
    void idleTimeoutMustOutlastThePingInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("jsonrpcws.ping-interval", "90000")));

        assertEquals("jsonrpcws.idle-timeout (90000) must be longer than jsonrpcws.ping-interval (90000)", e.getMessage());
    }
}
