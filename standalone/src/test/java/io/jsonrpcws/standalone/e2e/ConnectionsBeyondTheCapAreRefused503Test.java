package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code jsonrpcws.max-connections=3}, a fourth WebSocket handshake is refused with 503 while the three open
 * connections keep answering; once one closes, a handshake succeeds again.
 */
class ConnectionsBeyondTheCapAreRefused503Test {

    @Test
    void handshakeBeyondTheCapIsRefusedAndTheOthersStillAnswer() throws Exception {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.max-connections", "3"), EchoService.class)) {
            Map<String, String> host = Map.of("Host", "127.0.0.1:" + server.port());
            List<WsClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    open.add(WsClient.connect(server.uri()));
                }
                for (int i = 0; i < 3; i++) {
                    assertEquals("before " + i, open.get(i).resultString("echo.echo", "[\"before " + i + "\"]"));
                }

                RawHttp.Response refused = RawHttp.exchange(server, RawHttp.handshake("/jsonrpc", host));
                assertEquals(503, refused.status());

                for (int i = 0; i < 3; i++) {
                    assertEquals("after " + i, open.get(i).resultString("echo.echo", "[\"after " + i + "\"]"));
                    assertEquals(true, open.get(i).isOpen());
                }

                open.remove(0).close();
                Servers.awaitTrue("a slot is free again", () -> {
                    try {
                        return RawHttp.exchange(server, RawHttp.handshake("/jsonrpc", host)).status() == 101;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } finally {
                open.forEach(WsClient::close);
            }
        }
    }
}
