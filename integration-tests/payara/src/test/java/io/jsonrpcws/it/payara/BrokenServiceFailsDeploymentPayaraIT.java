package io.jsonrpcws.it.payara;

import io.jsonrpcws.it.contracts.BrokenServiceFailsDeploymentContract;
import io.jsonrpcws.it.contracts.RpcClient;
import io.jsonrpcws.it.contracts.Wars;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import java.io.BufferedReader;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payara Micro is started here with the broken WAR rather than through Arquillian: the adapter reports a
 * failed deployment only as "No applications were found", and leaves the failed server running. The
 * server's log must carry our message; the server is stopped as soon as it is known.
 */
class BrokenServiceFailsDeploymentPayaraIT extends BrokenServiceFailsDeploymentContract {

    private static final long STARTUP_SECONDS = 240;

    @Override
    protected String deployBrokenApplication() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "payara-broken");
        File war = dir.resolve("jsonrpcws-it-broken.war").toFile();
        Wars.broken().as(ZipExporter.class).exportTo(war, true);
        int port = freePort();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + dir,
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", war.getPath(),
                "--port", String.valueOf(port),
                "--nohazelcast", "--disablephonehome",
                "--prebootcommandfile", System.getProperty("payara.preboot"));
        Process payara = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> readUntilVerdict(payara, log));
        try {
            done.get(STARTUP_SECONDS, TimeUnit.SECONDS);
            int status = probe(port);
            // Payara Micro logs a failed deployment and still starts: the application must not be served
            assertTrue(status == 404 || status == -1,
                    "the broken application was deployed: its endpoint answered HTTP " + status);
        } catch (TimeoutException e) {
            log.append("\n[no verdict from Payara Micro within ").append(STARTUP_SECONDS).append(" s]");
        } finally {
            payara.descendants().forEach(ProcessHandle::destroyForcibly);
            payara.destroyForcibly();
            payara.waitFor(RpcClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        synchronized (log) {
            return log.toString();
        }
    }

    /** Reads the server's output until our message, its "ready" line, or its end. */
    private static void readUntilVerdict(Process payara, StringBuilder log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(payara.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
                if (line.contains(" ready in ")) {
                    return;
                }
            }
        } catch (java.io.IOException e) {
            synchronized (log) {
                log.append("\n[reading the output failed: ").append(e).append(']');
            }
        }
    }

    /** The HTTP status of a POST to the broken application's endpoint; -1 when nothing listens. */
    private static int probe(int port) throws InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jsonrpcws-it-broken/jsonrpc"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":1}"))
                .build();
        try {
            return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
