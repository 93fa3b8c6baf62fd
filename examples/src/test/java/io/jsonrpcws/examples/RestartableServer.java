package io.jsonrpcws.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonrpcws.standalone.JsonRpcServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A server that the Node tests stop and start again on the same port, to test reconnecting: {@code POST
 * <control>/stop} returns once it has stopped, {@code POST <control>/start} once it listens again (both idempotent).
 * The control endpoint is the JDK's HTTP server on 127.0.0.1 and a free port.
 */
final class RestartableServer implements AutoCloseable {

    private final IntFunction<JsonRpcServer> starter;
    private final int port;
    private final URI uri;
    private final HttpServer control;
    private JsonRpcServer server;

    /** Starts a server with {@code starter} on a free port, and the control endpoint. */
    RestartableServer(IntFunction<JsonRpcServer> starter) throws IOException {
        this.starter = starter;
        this.server = starter.apply(0);
        this.port = server.port();
        this.uri = server.uri();
        this.control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/stop", exchange -> answer(exchange, this::stop));
        control.createContext("/start", exchange -> answer(exchange, this::start));
        control.start();
    }

    /** The server's WebSocket URI, the same across restarts. */
    URI uri() {
        return uri;
    }

    /** The control endpoint, such as {@code http://127.0.0.1:40000}. */
    URI controlUri() {
        return URI.create("http://127.0.0.1:" + control.getAddress().getPort());
    }

    synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    synchronized void start() {
        if (server == null) {
            server = starter.apply(port);
        }
    }

    private static void answer(HttpExchange exchange, Runnable action) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            int status = 204;
            String body = "";
            try {
                action.run();
            } catch (RuntimeException e) {
                status = 500;
                body = String.valueOf(e);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        control.stop(0);
        stop();
    }
}
