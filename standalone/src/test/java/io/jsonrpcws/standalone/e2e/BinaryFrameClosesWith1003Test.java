package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A binary frame closes its connection with 1003 (cannot accept); other connections go on. */
class BinaryFrameClosesWith1003Test {

    @Test
    void binaryFrameIsRefused() {
        try (JsonRpcServer server = Servers.start(EchoService.class);
             WsClient bystander = WsClient.connect(server.uri());
             WsClient offender = WsClient.connect(server.uri())) {
            assertEquals("before", bystander.resultString("echo.echo", "[\"before\"]"));

            offender.sendBinary(new byte[]{1, 2, 3});

            CloseReason reason = offender.awaitClose();
            assertEquals(1003, reason.getCloseCode().getCode(), reason::toString);
            assertEquals("after", bystander.resultString("echo.echo", "[\"after\"]"));
        }
    }
}
