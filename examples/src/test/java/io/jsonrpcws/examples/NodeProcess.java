package io.jsonrpcws.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/** Runs Node.js commands for the tests, their output streamed into the build's log. */
final class NodeProcess {

    /** The js-client module, where jsonrpcws.js and its Node tests live; set by the POM. */
    static final Path JS_CLIENT = Path.of(System.getProperty("jsonrpcws.js-client.dir", "../js-client")).toAbsolutePath().normalize();

    /** jsonrpcws.js itself. */
    static final Path CLIENT_MODULE = JS_CLIENT.resolve("src/main/resources/META-INF/resources/jsonrpcws.js");

    private NodeProcess() {
    }

    /** Fails the test unless {@code node} (20 or newer) is on the PATH. */
    static void requireNode() {
        String version;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            fail("`node` is not on the PATH (" + e.getMessage() + "): these tests need Node.js 20 or newer");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
        if (major < 20) {
            fail("these tests need Node.js 20 or newer; `node --version` says " + version);
        }
    }

    /**
     * Runs a command in {@code dir} and returns what it wrote to its standard output; its standard error goes to
     * the log. Fails the test when it exits with another code than 0 or runs longer than {@code limit}.
     */
    static String output(String tag, Path dir, Duration limit, String... command) {
        System.out.println("[" + tag + "] $ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(tag + " ran longer than " + limit + ": " + String.join(" ", command));
            }
            String text = new String(out.get(limit.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail(tag + " exited with " + process.exitValue() + ": " + String.join(" ", command) + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            fail("cannot run " + command[0] + ": " + e.getMessage());
            return "";
        } catch (ExecutionException | TimeoutException e) {
            fail(tag + ": cannot read its output: " + e);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a command in {@code dir} with extra environment variables; its output goes to the log, each line
     * prefixed with {@code tag}. Returns the exit code; fails the test when it runs longer than {@code limit}.
     */
    static int run(String tag, Path dir, Map<String, String> env, Duration limit, String... command) {
        List<String> commandLine = new ArrayList<>(List.of(command));
        System.out.println("[" + tag + "] $ " + String.join(" ", commandLine));
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    out.lines().forEach(line -> System.out.println("[" + tag + "] " + line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, tag + "-output");
            pump.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(tag + " ran longer than " + limit + ": " + String.join(" ", commandLine));
            }
            pump.join(5000);
            return process.exitValue();
        } catch (IOException e) {
            fail("cannot run " + commandLine.get(0) + ": " + e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
