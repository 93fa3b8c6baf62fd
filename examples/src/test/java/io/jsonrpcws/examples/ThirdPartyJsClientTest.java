package io.jsonrpcws.examples;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JSON-RPC client we did not write, the npm package {@code json-rpc-2.0} over {@code ws}, whose handlers read
 * their params by name, gets the server's by-name notifications and requests ({@link Feed}) and answers them.
 * {@code src/test/third-party-js} holds its {@code package.json} and lock; the packages are installed with
 * {@code npm ci} into {@code target/third-party-js}, and {@code node --test} runs its tests there.
 */
class ThirdPartyJsClientTest {

    static final Path SOURCES = Path.of("src/test/third-party-js").toAbsolutePath();
    static final Path WORK = Path.of("target/third-party-js").toAbsolutePath();

    @BeforeAll
    static void packages() throws IOException {
        NodeProcess.requireNode();
        Files.createDirectories(WORK);
        Path lock = WORK.resolve("package-lock.json");
        boolean lockChanged = !Files.exists(lock)
                || !Arrays.equals(Files.readAllBytes(SOURCES.resolve("package-lock.json")), Files.readAllBytes(lock));
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules/json-rpc-2.0"))) {
            int exit = NodeProcess.run("npm ci", WORK, Map.of(), Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, exit, "npm ci failed in " + WORK);
        }
    }

    @Test
    void byNameCallsReachAThirdPartyClient() {
        try (JsonRpcServer server = JsonRpcServer.builder().host("127.0.0.1").port(0).beanClasses(Feed.class).start()) {
            int exit = NodeProcess.run("json-rpc-2.0", WORK, Map.of("JSONRPCWS_URL", server.uri().toString()),
                    Duration.ofMinutes(2), "node", "--test", "--test-reporter=spec", "by-name.test.mjs");
            assertEquals(0, exit, "the third-party client's tests failed: their report is in the log above");
        }
    }
}
