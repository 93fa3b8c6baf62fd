package io.jsonrpcws.examples;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The demo page in headless Chromium (Debian's, driven by playwright-core) shows a calculator call, a chat
 * message the server pushes, and answers the server's {@code chat.question} request; the other party is
 * jsonrpcws.js in Node. The browser example of README.md then runs as written. The screenshot is left in
 * {@code target/browser-test/demo.png}. Then the page lives through a restart of its server.
 */
class DemoPageInChromiumTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SOURCES = Path.of("src/test/browser").toAbsolutePath();
    static final Path WORK = Path.of("target/browser-test").toAbsolutePath();

    @BeforeAll
    static void chromiumAndPlaywright() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " is missing: install it with `apt-get install -y chromium`";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this test may not be skipped)");
            }
            abort(message);
        }
        NodeProcess.requireNode();
        Files.createDirectories(WORK);
        boolean lockChanged = !sameContent(SOURCES.resolve("package-lock.json"), WORK.resolve("package-lock.json"));
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
            int exit = NodeProcess.run("npm ci", WORK, Map.of(), Duration.ofMinutes(5),
                    "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, exit, "npm ci failed in " + WORK);
        }
    }

    @Test
    void pageCallsIsNotifiedAndAnswersTheServer() throws Exception {
        Path screenshot = WORK.resolve("demo.png");
        Files.deleteIfExists(screenshot);
        Path profile = Files.createTempDirectory("jsonrpcws-chromium-");
        publishReadmeExample();
        try (JsonRpcServer server = demo(0)) {
            assertServesTheClient(server);
            int exit = NodeProcess.run("browser", WORK, Map.of(
                            "DEMO_URL", server.httpUri().toString(),
                            "JSONRPCWS_URL", server.uri().toString(),
                            "JSONRPCWS_CLIENT", NodeProcess.CLIENT_MODULE.toString(),
                            "CHROMIUM", CHROMIUM.toString(),
                            "SCREENSHOT", screenshot.toString(),
                            "USER_DATA_DIR", profile.toString()),
                    Duration.ofMinutes(2), "node", "--experimental-websocket", "demo-page.mjs");
            assertEquals(0, exit, "the browser scenario failed: its output is in the log above");
            assertTrue(Files.size(screenshot) > 0, "no screenshot at " + screenshot);
        } finally {
            deleteTree(profile);
        }
    }

    /**
     * The page across a restart of its server on the same port ({@code demo-restart.mjs}): it reconnects, joins the
     * new room and shows what is said there, although the new room numbers its messages from 1 again; before that,
     * an error shows its code and data, and the calculator refuses what is not a number.
     */
    @Test
    void pageShowsTheChatOfARestartedServer() throws Exception {
        Path profile = Files.createTempDirectory("jsonrpcws-chromium-");
        JsonRpcServer[] server = {demo(0)};
        try {
            int port = server[0].port();
            ProcessBuilder builder = new ProcessBuilder("node", "--experimental-websocket", "demo-restart.mjs")
                    .directory(WORK.toFile()).redirectErrorStream(true);
            builder.environment().putAll(Map.of(
                    "DEMO_URL", server[0].httpUri().toString(),
                    "JSONRPCWS_URL", server[0].uri().toString(),
                    "JSONRPCWS_CLIENT", NodeProcess.CLIENT_MODULE.toString(),
                    "CHROMIUM", CHROMIUM.toString(),
                    "USER_DATA_DIR", profile.toString()));
            Process node = builder.start();
            // the script's output is read here, on the test's thread; a watchdog ends a script that hangs
            Thread watchdog = new Thread(() -> {
                try {
                    if (!node.waitFor(2, TimeUnit.MINUTES)) {
                        node.descendants().forEach(ProcessHandle::destroyForcibly);
                        node.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "demo-restart-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            boolean restarted = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
                 Writer in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println("[browser-restart] " + line);
                    if (line.equals("RESTART")) {
                        server[0].stop();
                        server[0] = demo(port);
                        restarted = true;
                        in.write("RESTARTED\n");
                        in.flush();
                    }
                }
            }
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "the browser scenario did not end");
            assertTrue(restarted, "the browser scenario never asked for the restart: its output is in the log above");
            assertEquals(0, node.exitValue(), "the browser scenario failed: its output is in the log above");
        } finally {
            server[0].stop();
            deleteTree(profile);
        }
    }

    private static JsonRpcServer demo(int port) {
        return JsonRpcServer.builder().host("127.0.0.1").port(port)
                .beanClasses(Calculator.class, ChatMember.class, ChatRoom.class).start();
    }

    /**
     * Puts the browser example of README.md's JavaScript section, as written, where the runtime serves it:
     * {@code /readme-example.html}, from the test classpath's {@code META-INF/resources/}.
     */
    private static void publishReadmeExample() throws IOException, URISyntaxException {
        String readme = Files.readString(NodeProcess.JS_CLIENT.resolveSibling("README.md"));
        int section = readme.indexOf("## JavaScript client");
        assertTrue(section >= 0, "README.md has no JavaScript client section");
        Matcher example = Pattern.compile("```html\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(example.find(section), "README.md's JavaScript client section has no html example");
        Path resources = Path.of(DemoPageInChromiumTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("META-INF/resources");
        Files.createDirectories(resources);
        Files.writeString(resources.resolve("readme-example.html"), example.group(1));
    }

    /** Module scripts load only with a JavaScript MIME type. */
    private static void assertServesTheClient(JsonRpcServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(server.httpUri().resolve("/jsonrpcws.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET /jsonrpcws.js");
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.contains("javascript"), "GET /jsonrpcws.js has Content-Type " + type);
        assertTrue(response.body().contains("export class JsonRpcClient"), "GET /jsonrpcws.js is not the client");
    }

    private static boolean sameContent(Path a, Path b) throws IOException {
        return Files.exists(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
