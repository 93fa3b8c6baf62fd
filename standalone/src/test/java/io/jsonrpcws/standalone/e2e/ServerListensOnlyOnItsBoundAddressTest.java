package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server started on 127.0.0.1 listens there only: 127.0.0.2, another loopback address that a server
 * bound to 0.0.0.0 would answer on, refuses the connection.
 */
class ServerListensOnlyOnItsBoundAddressTest {

    private static final int TIMEOUT_MILLIS = 5_000;

    @Test
    void otherLoopbackAddressIsRefused() throws IOException {
        assumeTrue(wildcardListenerAnswersOn127002(), "this machine does not route 127.0.0.2 to loopback");
        try (JsonRpcServer server = Servers.start(EchoService.class)) {
            assertEquals("127.0.0.1", server.host());
            try (Socket bound = new Socket()) {
                bound.connect(new InetSocketAddress("127.0.0.1", server.port()), TIMEOUT_MILLIS);
            }
            assertThrows(ConnectException.class, () -> {
                try (Socket other = new Socket()) {
                    other.connect(new InetSocketAddress("127.0.0.2", server.port()), TIMEOUT_MILLIS);
                }
            });
            try (WsClient client = WsClient.connect(server.uri())) {
                assertEquals("fine", client.resultString("echo.echo", "[\"fine\"]"));
            }
        }
    }

    /** The control: what a listener on every address does, so that the refusal above means something. */
    private static boolean wildcardListenerAnswersOn127002() throws IOException {
        try (ServerSocket wildcard = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"));
             Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.2", wildcard.getLocalPort()), TIMEOUT_MILLIS);
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }
}
