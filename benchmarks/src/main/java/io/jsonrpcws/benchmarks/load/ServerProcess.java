package io.jsonrpcws.benchmarks.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM of the load tests, spoken to over its standard input and output: a server ({@link LoadServer}), or a client
 * of the client benchmark ({@link ClientDriver}).
 */
final class ServerProcess {

    private static final long START_TIMEOUT_SECONDS = 90;

    final String label;
    final Process process;
    /** Where its standard error goes. */
    final File log;
    private final BufferedReader stdout;
    private final Writer stdin;
    int port;

    private ServerProcess(String label, Process process, File log) {
        this.label = label;
        this.process = process;
        this.log = log;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** The JVMs a run has started, so that they are stopped when it ends, however it ends. Thread-safe. */
    static final class Started {
        private final List<ServerProcess> all = new ArrayList<>();

        /** {@link ServerProcess#start}, the server kept for {@link #stopAll()}. */
        ServerProcess start(String kind, String label, String cpus, String jvmOptions, Path logs, PrintStream out)
                throws IOException, InterruptedException {
            return keep(ServerProcess.start(kind, label, cpus, jvmOptions, logs, out));
        }

        /** Keeps a JVM for {@link #stopAll()}. */
        ServerProcess keep(ServerProcess jvm) {
            synchronized (all) {
                all.add(jvm);
            }
            return jvm;
        }

        void stopAll() {
            List<ServerProcess> servers;
            synchronized (all) {
                servers = new ArrayList<>(all);
            }
            servers.forEach(ServerProcess::stop);
        }
    }

    /**
     * Starts the server of this kind (a {@link ServerKind} or {@link StreamServerKind} name) in a JVM of its own, with
     * this JVM's {@code java} and class path, pinned with {@code taskset} to {@code cpus} unless that is null or blank,
     * with the JVM options ({@code {kind}} in them becomes the kind's name in lower case), its standard error appended
     * to {@code <logs>/<kind>.log}; returns once it listens.
     */
    static ServerProcess start(String kind, String label, String cpus, String jvmOptions, Path logs, PrintStream out)
            throws IOException, InterruptedException {
        ServerProcess server = launch(LoadServer.class, List.of(kind), kind.toLowerCase(Locale.ROOT), label, cpus,
                jvmOptions, logs);
        String line = server.await("LISTENING ", START_TIMEOUT_SECONDS);
        if (line == null || !line.startsWith("LISTENING ")) {
            server.stop();
            throw new IOException("the " + label + " server did not start (" + line + "); see " + server.log);
        }
        server.port = Integer.parseInt(line.substring("LISTENING ".length()).trim());
        out.println("started " + label + " server, pid " + server.process.pid() + ", port " + server.port);
        return server;
    }

    /**
     * Starts {@code main} with {@code args} in a JVM of its own, with this JVM's {@code java} and class path, pinned
     * with {@code taskset} to {@code cpus} unless that is null or blank, with the JVM options ({@code {kind}} in them
     * becomes {@code name}), its standard error appended to {@code <logs>/<name>.log}; returns at once.
     */
    static ServerProcess launch(Class<?> main, List<String> args, String name, String label, String cpus,
                                String jvmOptions, Path logs) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpus != null && !cpus.isBlank()) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : jvmOptions.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt.replace("{kind}", name));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        File log = logs.resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
        return new ServerProcess(label, process, log);
    }

    /** Sends a command line to the JVM. */
    void send(String command) throws IOException {
        stdin.write(command + "\n");
        stdin.flush();
    }

    private String readLine(long timeoutSeconds) throws InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return line.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** The first line starting with the prefix, skipping others (JFR's, for one), or null after the timeout. */
    String await(String prefix, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        String line;
        do {
            long left = (deadline - System.nanoTime()) / 1_000_000_000L;
            line = left <= 0 ? null : readLine(left);
        } while (line != null && !line.startsWith(prefix));
        return line;
    }

    /** Heap in use in the server after full collections ({@link LoadServer#heapAfterGc()}). */
    long heap() throws IOException, InterruptedException {
        stdin.write("heap\n");
        stdin.flush();
        String line = await("HEAP ", 60);
        if (line == null || !line.startsWith("HEAP ")) {
            throw new IOException("no heap report from the " + label + " server: " + line);
        }
        return Long.parseLong(line.substring(5).trim());
    }

    /** CPU time of the server's process so far, in nanoseconds ({@link Cpu#processNanos(ProcessHandle)}). */
    long cpuNanos() {
        return Cpu.processNanos(process.toHandle());
    }

    void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            stdin.write("stop\n");
            stdin.flush();
        } catch (IOException ignored) {
            // it is going anyway
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
