package io.jsonrpcws.cdi;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.WebappContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * A real servlet container (Grizzly's) on 127.0.0.1 and a free port, set up as a WAR would be: by
 * {@link JsonRpcServletInitializer}, with the deployment's runtime found through CDI. Holds the CDI deployment too;
 * close it to stop both.
 */
final class ServletContainer implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestDeployment deployment;
    private final HttpServer http;

    private ServletContainer(TestDeployment deployment, HttpServer http) {
        this.deployment = deployment;
        this.http = http;
    }

    static ServletContainer start(Class<?>... beanClasses) throws IOException {
        TestDeployment deployment = TestDeployment.of(beanClasses);
        HttpServer http = new HttpServer();
        http.addListener(new NetworkListener("war", "127.0.0.1", 0));
        WebappContext war = new WebappContext("jsonrpcws", "");
        new JsonRpcServletInitializer().onStartup(Set.of(), war);
        war.deploy(http);
        try {
            http.start();
        } catch (IOException | RuntimeException e) {
            deployment.close();
            throw e;
        }
        return new ServletContainer(deployment, http);
    }

    int port() {
        return http.getListener("war").getPort();
    }

    /** A socket connected to the container, reads timing out after {@link #PATIENCE}. */
    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout((int) PATIENCE.toMillis());
        socket.connect(new InetSocketAddress("127.0.0.1", port()), (int) PATIENCE.toMillis());
        return socket;
    }

    /** A POST of JSON to the endpoint's path, with extra header lines (each ending in CRLF). */
    String post(String json, String extraHeaders) {
        return "POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n" + extraHeaders
                + "Content-Type: application/json\r\nContent-Length: " + json.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + json;
    }

    /** Sends the request on a new connection, and reads the whole response up to the connection's end. */
    String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                in.transferTo(response);
            } catch (java.net.SocketTimeoutException e) {
                throw new IOException("timed out after: " + response.toString(StandardCharsets.UTF_8), e);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        try {
            http.shutdownNow();
        } finally {
            deployment.close();
        }
    }
}
