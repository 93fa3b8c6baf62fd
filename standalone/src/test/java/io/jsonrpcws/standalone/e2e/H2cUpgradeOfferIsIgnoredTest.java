package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request that offers to switch to HTTP/2 ({@code Upgrade: h2c}) is answered as plain HTTP/1.1, as if it made
 * no offer: the JSON-RPC call over POST gets its answer, and a static file its {@code Content-Type}. The JDK's
 * {@code HttpClient} at its default version makes that offer on every cleartext connection, so without this
 * its users could not call the HTTP transport at all.
 */
class H2cUpgradeOfferIsIgnoredTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"fine\"],\"id\":1}";

    @Test
    void postFromTheJdkClientAtItsDefaultVersionIsAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Servers.PATIENCE).build();
        try (JsonRpcServer server = Servers.start(EchoService.class)) {
            assertEquals(HttpClient.Version.HTTP_2, client.version(), "the client must make the h2c offer");
            URI endpoint = server.httpUri().resolve("/jsonrpc");
            // Twice: the connection kept after a declined offer must frame the next request too
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                        .timeout(Servers.PATIENCE)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CALL))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertEquals(HttpClient.Version.HTTP_1_1, response.version());
                assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"fine\",\"id\":1}", response.body());
            }
        }
    }

    @Test
    void staticFileRequestedWithTheOfferKeepsItsContentType() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (JsonRpcServer server = Servers.start(EchoService.class)) {
            String plain = client.send(HttpRequest.newBuilder(server.httpUri().resolve("/jsonrpcws.js"))
                            .timeout(Servers.PATIENCE).build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("Content-Type").orElseThrow();

            // Raw, since HttpClient refuses to let its caller set Upgrade or Connection
            String head = responseHead(server, "GET /jsonrpcws.js HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + server.port() + "\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n"
                    + "\r\n");
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("\r\ncontent-type: " + plain.toLowerCase(Locale.ROOT)
                    + "\r\n"), "expected Content-Type " + plain + " in:\n" + head);
        }
    }

    /** Sends the request on a new connection and reads the response's status line and headers. */
    private static String responseHead(JsonRpcServer server, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) Servers.PATIENCE.toMillis());
            socket.setSoTimeout((int) Servers.PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }
}
