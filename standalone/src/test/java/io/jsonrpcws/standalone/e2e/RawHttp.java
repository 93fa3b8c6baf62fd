package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a plain socket, for requests no client library sends: any {@code Host} and {@code Origin}, WebSocket
 * handshakes read as HTTP, bodies that never end. Every read times out after {@link Servers#PATIENCE}.
 */
final class RawHttp {

    /** A response's status, headers (names in lower case) and body. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** A connected socket to the server, with the read time-out set. */
    static Socket open(JsonRpcServer server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout((int) Servers.PATIENCE.toMillis());
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) Servers.PATIENCE.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the request on a new connection and reads the response; closes the connection. */
    static Response exchange(JsonRpcServer server, String request) throws IOException {
        try (Socket socket = open(server)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** A WebSocket handshake to the path, with these headers besides the handshake's own ({@code Host} among them). */
    static String handshake(String path, Map<String, String> headers) {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n\r\n")
                .toString();
    }

    /** A POST of a JSON body to the path, with these headers ({@code Host} among them). */
    static String post(String path, Map<String, String> headers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n\r\n")
                .append(json)
                .toString();
    }

    /** Any request without a body. */
    static String request(String method, String path, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("\r\n").toString();
    }

    /**
     * Reads one response: its head, then a body of {@code Content-Length} bytes; none for 101, 204 and 304; else
     * up to the end of the stream.
     */
    static Response read(InputStream raw) throws IOException {
        InputStream in = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw);
        String head = readHead(in);
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
        String[] statusLine = lines.remove(0).split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        String length = headers.get("content-length");
        if (status == 101 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed before the end of the response head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 16_384) {
                throw new IOException("response head too long");
            }
        }
        return head.toString(StandardCharsets.US_ASCII).trim();
    }
}
