package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcSessions;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code jsonrpcws.client-protocol=1.0} the server's calls are JSON-RPC 1.0 before the client has said
 * anything, and stay so when it speaks 2.0; by default they are 2.0 until the client's first message.
 */
class ConfiguredOneZeroClientProtocolAppliesFromTheStartTest {

    @Test
    void aPushBeforeAnyMessageIsOneZero() {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.client-protocol", "1.0"), EchoService.class);
             WsClient client = WsClient.connect(server.uri())) {
            JsonRpcSessions sessions = Servers.sessions(server);
            Servers.awaitTrue("the connection is registered", () -> sessions.all().size() == 1);
            assertEquals(1, sessions.broadcast("news.flash", "early"));
            assertEquals("{\"method\":\"news.flash\",\"params\":[\"early\"],\"id\":null}", client.receive());

            assertEquals("hi", client.resultString("echo.echo", "[\"hi\"]"));
            sessions.broadcast("news.flash", "later");
            assertEquals("{\"method\":\"news.flash\",\"params\":[\"later\"],\"id\":null}", client.receive());
        }
    }

    @Test
    void byDefaultAPushBeforeAnyMessageIsTwoZero() {
        try (JsonRpcServer server = Servers.start(EchoService.class);
             WsClient client = WsClient.connect(server.uri())) {
            JsonRpcSessions sessions = Servers.sessions(server);
            Servers.awaitTrue("the connection is registered", () -> sessions.all().size() == 1);
            sessions.broadcast("news.flash", "early");
            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"news.flash\",\"params\":[\"early\"]}", client.receive());
        }
    }
}
