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
 * The Ethereum subscription contract driven by a real client library from npm: ethers v6's
 * {@code WebSocketProvider} learns the chain id from {@link Chain}, follows its new blocks with
 * {@code provider.on('block')} (which subscribes with {@code eth_subscribe ["newHeads"]} and reads
 * {@code eth_subscription} notifications), and {@code provider.off('block')} sends {@code eth_unsubscribe}, which
 * cancels the service's publisher. {@code src/test/ethereum-js} holds the {@code package.json} and lock; the
 * packages are installed with {@code npm ci} into {@code target/ethereum-js}, and {@code node --test} runs the test
 * there.
 */
class EthereumClientFollowsBlocksTest {

    static final Path SOURCES = Path.of("src/test/ethereum-js").toAbsolutePath();
    static final Path WORK = Path.of("target/ethereum-js").toAbsolutePath();

    @BeforeAll
    static void packages() throws IOException {
        NodeProcess.requireNode();
        Files.createDirectories(WORK);
        Path lock = WORK.resolve("package-lock.json");
        boolean lockChanged = !Files.exists(lock)
                || !Arrays.equals(Files.readAllBytes(SOURCES.resolve("package-lock.json")), Files.readAllBytes(lock));
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules/ethers"))) {
            int exit = NodeProcess.run("npm ci", WORK, Map.of(), Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, exit, "npm ci failed in " + WORK);
        }
    }

    @Test
    void ethersFollowsNewBlocksAndUnsubscribes() {
        try (JsonRpcServer server = JsonRpcServer.builder().host("127.0.0.1").port(0).beanClasses(Chain.class).start()) {
            int exit = NodeProcess.run("ethers", WORK, Map.of("JSONRPCWS_URL", server.uri().toString()),
                    Duration.ofMinutes(2), "node", "--test", "--test-reporter=spec", "ethers.test.mjs");
            assertEquals(0, exit, "the ethers test failed: its report is in the log above");
        }
    }
}
