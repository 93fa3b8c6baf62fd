package io.jsonrpcws.testkit;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @JsonRpcTest} without services deploys the classpath's bean archives (here the examples), and sets the
 * test's fields: the server, its URI, and a fresh connected client per test.
 */
@JsonRpcTest
class DiscoveredApplicationWithInjectedFieldsTest {

    private static JsonRpcClient classClient;

    JsonRpcServer server;
    URI uri;
    JsonRpcClient client;

    @BeforeAll
    static void connectOnceForTheClass(JsonRpcClient forTheClass) {
        classClient = forTheClass;
    }

    @Test
    void theFieldsAreSetAndTheDiscoveredServicesAnswer() {
        assertEquals(server.uri(), uri);
        assertEquals(6.0, Await.result(client.call("calc.multiply", Double.class, 2, 3)));
    }

    @Test
    void eachTestHasItsOwnClientAndTheClassClientLasts(JsonRpcClient parameter) {
        assertNotSame(client, parameter);
        assertNotSame(classClient, parameter);
        assertTrue(classClient.isOpen());
        assertEquals(1.0, Await.result(parameter.call("calc.subtract", Double.class, 3, 2)));
    }
}
