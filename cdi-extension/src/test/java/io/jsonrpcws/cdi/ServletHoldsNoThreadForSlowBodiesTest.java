package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a servlet container, POSTs whose bodies stop half-way hold none of its threads: the servlet reads in async
 * mode, so a call made meanwhile is answered at once. There are more hanging clients than the container (Grizzly's)
 * has worker threads.
 */
class ServletHoldsNoThreadForSlowBodiesTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"hi\"],\"id\":1}";
    private static final int HANGING = Math.max(50, Runtime.getRuntime().availableProcessors() * 2 + 10);

    @JsonRpcService("echo")
    public static class Echo {
        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void callIsAnsweredWhileBodiesHang() throws Exception {
        List<Socket> hanging = new ArrayList<>();
        try (ServletContainer war = ServletContainer.start(Echo.class)) {
            // the first call also finds the runtime and warms the code up: not what is measured
            assertTrue(war.exchange(war.post(CALL, "")).startsWith("HTTP/1.1 200"));
            for (int i = 0; i < HANGING; i++) {
                Socket socket = war.connect();
                hanging.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1:" + war.port() + "\r\nContent-Type: application/json"
                        + "\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\"").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            long start = System.nanoTime();
            String response = war.exchange(war.post(CALL, ""));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("JRWS-TEST servlet answered a call in " + millis + " ms with " + HANGING + " hanging bodies");
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.endsWith("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}"), response);
            assertTrue(millis < 500, "the call took " + millis + " ms");
        } finally {
            for (Socket socket : hanging) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // a client socket: nothing to do
                }
            }
        }
    }
}
