package io.jsonrpcws.it.contracts;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The gate in front of the endpoint, with the default settings: WebSocket handshakes and HTTP POSTs without
 * {@code Origin}, or from the endpoint's own origin, are accepted; those from pages of other origins, {@code null}
 * and {@code file://} are refused with 403, and so is their CORS preflight. In a WAR this checks that the gate's
 * servlet filter sees the handshake before the container's WebSocket implementation takes it.
 */
public abstract class RequestGateContract extends JsonRpcTarget {

    private static final String[] FOREIGN = {"http://evil.example", "null", "file://"};

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"greeter.add\",\"params\":[40,2],\"id\":1}";

    /** {@code NONE} for no Origin, {@code SELF} for the endpoint's own. */
    private String originHeader(String origin) {
        URI http = httpEndpoint();
        String self = "http://" + http.getHost() + ":" + http.getPort();
        return origin.equals("NONE") ? "" : "Origin: " + origin.replace("SELF", self) + "\r\n";
    }

    private String head(String method, String origin) {
        URI http = httpEndpoint();
        return method + " " + http.getRawPath() + " HTTP/1.1\r\nHost: " + http.getHost() + ":" + http.getPort() + "\r\n"
                + originHeader(origin);
    }

    private String handshake(String origin) {
        byte[] nonce = new byte[16];
        new Random().nextBytes(nonce);
        return head("GET", origin) + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
    }

    private String post(String origin) {
        return head("POST", origin) + "Content-Type: application/json\r\nContent-Length: " + CALL.length()
                + "\r\nConnection: close\r\n\r\n" + CALL;
    }

    /** Sends the request on a new connection and reads the response's status line and headers. */
    private String exchange(String request) {
        URI http = httpEndpoint();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(http.getHost(), http.getPort()), (int) RpcClient.PATIENCE.toMillis());
            socket.setSoTimeout((int) RpcClient.PATIENCE.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(String head) {
        return Integer.parseInt(head.split(" ", 3)[1]);
    }

    @Test
    void handshakeWithoutOriginOrFromTheSameOriginIsAccepted() {
        for (String origin : new String[]{"NONE", "SELF"}) {
            String head = exchange(handshake(origin));
            assertEquals(101, status(head), origin + ": " + head);
        }
    }

    @Test
    void postWithoutOriginOrFromTheSameOriginIsAnswered() {
        for (String origin : new String[]{"NONE", "SELF"}) {
            String head = exchange(post(origin));
            assertEquals(200, status(head), origin + ": " + head);
        }
    }

    @Test
    void handshakeFromAnotherOriginIsRefused() {
        for (String origin : FOREIGN) {
            String head = exchange(handshake(origin));
            assertEquals(403, status(head), origin + ": " + head);
        }
    }

    @Test
    void postFromAnotherOriginIsRefused() {
        for (String origin : FOREIGN) {
            String head = exchange(post(origin));
            assertEquals(403, status(head), origin + ": " + head);
            assertFalse(head.toLowerCase(Locale.ROOT).contains("access-control-allow-origin"), head);
        }
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        for (String origin : FOREIGN) {
            String head = exchange(head("OPTIONS", origin) + "Access-Control-Request-Method: POST\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(403, status(head), origin + ": " + head);
        }
    }
}
