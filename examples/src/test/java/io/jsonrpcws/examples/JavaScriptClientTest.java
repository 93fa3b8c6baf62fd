package io.jsonrpcws.examples;

import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The JavaScript client's Node tests ({@code js-client/src/test/js}, {@code node --test}) pass against the
 * demo on the standalone runtime, with the tests' {@link Feed} and {@link Streams} services beside it
 * ({@code JSONRPCWS_URL}), against a second one that they stop and start again ({@code JSONRPCWS_RESTARTABLE_URL},
 * controlled at {@code JSONRPCWS_CONTROL}: see {@link RestartableServer}), and against {@link Streams} alone on a
 * server that allows two subscriptions per connection ({@code JSONRPCWS_LIMITED_URL}).
 */
class JavaScriptClientTest {

    @Test
    void nodeTestsPassAgainstTheDemoServer() throws IOException {
        NodeProcess.requireNode();
        Path tests = NodeProcess.JS_CLIENT.resolve("src/test/js");
        List<String> files;
        try (Stream<Path> list = Files.list(tests)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".test.js")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no *.test.js in " + tests);

        try (JsonRpcServer server = demo(0); RestartableServer restartable = new RestartableServer(JavaScriptClientTest::demo);
             JsonRpcServer limited = JsonRpcServer.builder().host("127.0.0.1").port(0)
                     .config(RuntimeConfig.from(key -> Optional.ofNullable(Map.of("jsonrpcws.max-subscriptions", "2").get(key))))
                     .beanClasses(Streams.class).start()) {
            List<String> command = new ArrayList<>(List.of(
                    "node", "--experimental-websocket", "--test", "--test-concurrency=1", "--test-reporter=spec"));
            command.addAll(files);
            int exit = NodeProcess.run("node --test", tests, Map.of("JSONRPCWS_URL", server.uri().toString(),
                            "JSONRPCWS_RESTARTABLE_URL", restartable.uri().toString(),
                            "JSONRPCWS_CONTROL", restartable.controlUri().toString(),
                            "JSONRPCWS_LIMITED_URL", limited.uri().toString()),
                    Duration.ofMinutes(3), command.toArray(String[]::new));
            assertEquals(0, exit, "node --test failed: its report is in the log above");
        }
    }

    private static JsonRpcServer demo(int port) {
        return JsonRpcServer.builder().host("127.0.0.1").port(port)
                .beanClasses(Calculator.class, ChatMember.class, ChatRoom.class, Feed.class, Streams.class).start();
    }
}
