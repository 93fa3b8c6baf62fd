package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A POST whose body does not arrive in full within {@code jsonrpcws.http-timeout} is answered 408 at that time, and
 * its connection closed, since the rest of its body will never be read.
 */
class UnfinishedHttpBodyIsAnswered408Test {

    @Test
    void bodyThatStopsHalfWayIsAnswered408AfterTheTimeout() throws Exception {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.http-timeout", "1000"), EchoService.class);
             Socket socket = RawHttp.open(server)) {
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            RawHttp.Response response = RawHttp.read(in);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(408, response.status());
            assertTrue(millis >= 900 && millis < 5000, "answered after " + millis + " ms");
            assertEquals(-1, in.read(), "the connection is closed after the answer");
        }
    }
}
