package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A text frame that is not UTF-8 closes its connection with 1007 (inconsistent data); other connections
 * go on. Tyrus will not send such a frame, so a raw socket does.
 */
class InvalidUtf8ClosesWith1007Test {

    @Test
    void invalidUtf8IsRefused() throws IOException {
        try (JsonRpcServer server = Servers.start(EchoService.class);
             WsClient bystander = WsClient.connect(server.uri());
             RawWebSocket offender = RawWebSocket.connect(server.uri())) {
            offender.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"ok\"],\"id\":1}");
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":1}", offender.readText(),
                    "the raw client speaks WebSocket well enough");

            // "é" cut after its first byte, then "(": C3 28 is no UTF-8 sequence
            byte[] invalid = {'[', '"', (byte) 0xC3, '(', '"', ']'};
            offender.sendFrame(RawWebSocket.TEXT, invalid);

            RawWebSocket.Frame close = offender.readUntilClose(10);
            assertNotNull(close, "the server closed TCP without a close frame");
            assertEquals(1007, close.closeCode(), RawWebSocket.describe(close));
            assertEquals("still here", bystander.resultString("echo.echo", "[\"still here\"]"));
        }
    }
}
