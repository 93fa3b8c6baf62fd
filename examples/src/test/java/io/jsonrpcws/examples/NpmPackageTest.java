package io.jsonrpcws.examples;

import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The npm package {@code jsonrpcws}, as js-client's build assembles it in {@code js-client/target/npm}: {@code npm
 * pack} packs exactly its four files; a project that depends on it ({@code js-client/src/test/npm-package}, its
 * packages installed with {@code npm ci} from a committed lock into {@code target/npm-package}, the packed
 * tarball unpacked into its {@code node_modules/jsonrpcws}) type-checks under {@code tsc --strict} for browsers
 * (DOM) and for Node.js without the DOM, and runs its tests over the {@code ws} package against the demo (with
 * {@link Streams}).
 */
class NpmPackageTest {

    static final Path PACKAGE = NodeProcess.JS_CLIENT.resolve("target/npm");
    static final Path SOURCES = NodeProcess.JS_CLIENT.resolve("src/test/npm-package");
    static final Path WORK = Path.of("target/npm-package").toAbsolutePath();
    static final Duration LIMIT = Duration.ofMinutes(3);

    private static Path tarball;
    private static JsonObject pack;

    @BeforeAll
    static void packAndInstall() throws IOException {
        NodeProcess.requireNode();
        assertTrue(Files.isRegularFile(PACKAGE.resolve("package.json")),
                "no npm package in " + PACKAGE + ": js-client's build assembles it (process-resources)");
        Files.createDirectories(WORK);
        Path lock = WORK.resolve("package-lock.json");
        boolean lockChanged = !Files.exists(lock)
                || !Arrays.equals(Files.readAllBytes(SOURCES.resolve("package-lock.json")), Files.readAllBytes(lock));
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules/typescript"))) {
            int exit = NodeProcess.run("npm ci", WORK, Map.of(), Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, exit, "npm ci failed in " + WORK);
        }

        Path packs = WORK.resolve("packs");
        deleteTree(packs);
        Files.createDirectories(packs);
        String report = NodeProcess.output("npm pack", PACKAGE, LIMIT,
                "npm", "pack", "--json", "--pack-destination", packs.toString());
        try (JsonReader reader = Json.createReader(new StringReader(report))) {
            pack = reader.readArray().getJsonObject(0);
        }
        try (Stream<Path> files = Files.list(packs)) {
            List<Path> tarballs = files.filter(p -> p.toString().endsWith(".tgz")).toList();
            assertEquals(1, tarballs.size(), "npm pack made " + tarballs);
            tarball = tarballs.get(0);
        }

        Path installed = WORK.resolve("node_modules/jsonrpcws");
        deleteTree(installed);
        Files.createDirectories(installed);
        int exit = NodeProcess.run("tar", WORK, Map.of(), LIMIT,
                "tar", "-xzf", tarball.toString(), "-C", installed.toString(), "--strip-components=1");
        assertEquals(0, exit, "cannot unpack " + tarball);
    }

    @Test
    void thePackageHoldsExactlyTheModuleItsTypesItsReadmeAndPackageJson() throws IOException {
        assertEquals("jsonrpcws", pack.getString("name"));
        assertEquals(System.getProperty("jsonrpcws.version"), pack.getString("version"), "the Maven project's version");
        List<String> files = new ArrayList<>();
        JsonArray entries = pack.getJsonArray("files");
        entries.getValuesAs(JsonObject.class).forEach(f -> files.add(f.getString("path")));
        assertEquals(List.of("README.md", "jsonrpcws.d.ts", "jsonrpcws.js", "package.json"), files.stream().sorted().toList());

        JsonObject manifest;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(WORK.resolve("node_modules/jsonrpcws/package.json"))))) {
            manifest = reader.readObject();
        }
        assertEquals("module", manifest.getString("type"));
        JsonObject root = manifest.getJsonObject("exports").getJsonObject(".");
        assertEquals(List.of("./jsonrpcws.d.ts", "./jsonrpcws.js"),
                List.of(root.getString("types"), root.getString("default")));
        assertEquals(Files.readString(NodeProcess.CLIENT_MODULE), Files.readString(WORK.resolve("node_modules/jsonrpcws/jsonrpcws.js")),
                "the package's module is the one the jar serves");
    }

    @Test
    void theTypesCheckUnderStrictInABrowserAndInNodeWithoutTheDom() {
        for (String config : List.of("tsconfig.browser.json", "tsconfig.node.json")) {
            int exit = NodeProcess.run("tsc " + config, WORK, Map.of(), LIMIT,
                    "node", "node_modules/typescript/bin/tsc", "-p", config);
            assertEquals(0, exit, "tsc -p " + config + " failed: its errors are in the log above");
        }
    }

    @Test
    void thePackageRunsOverTheWsPackage() {
        try (JsonRpcServer server = JsonRpcServer.builder().host("127.0.0.1").port(0)
                .beanClasses(Calculator.class, Feed.class, Streams.class).start()) {
            int exit = NodeProcess.run("ws", WORK, Map.of("JSONRPCWS_URL", server.uri().toString()), LIMIT,
                    "node", "--test", "--test-reporter=spec", "ws.test.mjs");
            assertEquals(0, exit, "the package's tests over ws failed: their report is in the log above");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
