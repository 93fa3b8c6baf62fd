package io.jsonrpcws.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The client benchmark: one jsonrpcws server ({@link ServerKind#OURS}, {@link EchoService}) in a JVM of its own, and
 * each {@link ClientKind} in a JVM of its own ({@link ClientDriver}), which take turns calling it over 127.0.0.1 on
 * one connection, 1 call in flight (sequential) and 64 (asynchronous), small and 1 KB object calls, for several
 * rounds. The CPU time of the client's and the server's processes over each measured window ({@code /proc}) gives the
 * CPU per call. Prints each measurement, then tables of medians (Markdown), also written to {@code --out}. Run by
 * {@code benchmarks/run-load.sh --clients}.
 *
 * <p>Options: {@code --rounds 3 --warmup-ms 2000 --measure-ms 4000 --server-cpus 1 --server-opts "-Xms1g -Xmx1g
 * -XX:+UseSerialGC" --client-opts "-Xms1g -Xmx1g -XX:+UseSerialGC" --logs target/load --out
 * target/load/clients.md}, and {@code --scenarios} as {@link LoadRun}'s. The clients run where this JVM may run.
 */
public final class ClientRun {

    /** How long a client JVM may take to start, and a cell beyond its warm-up and window to report. */
    private static final long GRACE_SECONDS = 90;

    /** One measurement. */
    record Sample(double callsPerSecond, double p50, double p99, double clientCpuMicros, double serverCpuMicros,
                  double othersCpuPercent, long errors) {
    }

    private final RunOptions options;
    private final PrintStream out = System.out;
    private final ServerProcess.Started started = new ServerProcess.Started();

    private ClientRun(RunOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        ClientRun run = new ClientRun(RunOptions.parse(args));
        Runtime.getRuntime().addShutdownHook(new Thread(run.started::stopAll, "clients-cleanup"));
        try {
            run.run();
        } finally {
            run.started.stopAll();
        }
    }

    private void run() throws Exception {
        int rounds = options.integer("rounds", 3);
        long warmUp = options.integer("warmup-ms", 2000);
        long measure = options.integer("measure-ms", 4000);
        Path logs = Path.of(options.get("logs", "target/load"));
        Files.createDirectories(logs);
        // one connection each: the client's own cost, not how it spreads calls over connections
        List<LoadRun.Scenario> scenarios = LoadRun.scenarios(options.get("scenarios")).stream()
                .filter(s -> s.connections() == 1).toList();
        List<ClientKind> kinds = List.of(ClientKind.values());

        StringBuilder report = new StringBuilder();
        String header = "Clients run " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)
                + "; JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")"
                + " for server and clients; " + Machine.describe()
                + "; server (jsonrpcws, `EchoService`) pinned to CPU " + options.get("server-cpus", "(not pinned)")
                + ", JVM flags `" + options.get("server-opts", "") + "`; clients in JVMs of their own, flags `"
                + options.get("client-opts", "") + "`; " + rounds + " rounds, " + warmUp + " ms warm-up + " + measure
                + " ms measured per cell; load average at start " + Machine.loadAverage();
        out.println(header);
        report.append(header).append("\n\n");

        ServerProcess server = started.start(ServerKind.OURS.name(), ServerKind.OURS.label(), options.get("server-cpus"),
                options.get("server-opts", ""), logs, out);
        Map<ClientKind, ServerProcess> clients = new EnumMap<>(ClientKind.class);
        Map<ClientKind, Map<LoadRun.Scenario, List<Sample>>> samples = new EnumMap<>(ClientKind.class);
        for (ClientKind kind : kinds) {
            clients.put(kind, startClient(kind, server.port, logs));
            samples.put(kind, new LinkedHashMap<>());
        }
        for (ClientKind kind : kinds) {
            out.println("warming up " + kind.label());
            for (Payload payload : Payload.values()) {
                measure(clients.get(kind), server, new LoadRun.Scenario("warm-up", 1, 64, payload), warmUp * 2, 500);
            }
        }
        for (int round = 1; round <= rounds; round++) {
            out.println("round " + round + " of " + rounds + "; load average " + Machine.loadAverage());
            for (LoadRun.Scenario scenario : scenarios) {
                for (ClientKind kind : kinds) {
                    Sample s = measure(clients.get(kind), server, scenario, warmUp, measure);
                    samples.get(kind).computeIfAbsent(scenario, k -> new ArrayList<>()).add(s);
                    out.printf(Locale.ROOT, "  %-34s %-17s %9.0f calls/s  p50 %7.1f  p99 %7.1f us  cpu/call client %6.2f"
                                    + " server %6.2f us  others %4.0f%%  errors %d%n", scenario.label(), kind.label(),
                            s.callsPerSecond, s.p50, s.p99, s.clientCpuMicros, s.serverCpuMicros, s.othersCpuPercent, s.errors);
                }
            }
        }
        started.stopAll();
        if (rounds > 0) {
            report.append(table(scenarios, samples));
        }
        report.append("\nLoad average at the end: ").append(Machine.loadAverage()).append('\n');

        out.println();
        out.println(report);
        Path result = Path.of(options.get("out", logs.resolve("clients.md").toString()));
        Files.writeString(result, report.toString(), StandardCharsets.UTF_8);
        out.println("written to " + result);
    }

    private ServerProcess startClient(ClientKind kind, int port, Path logs) throws IOException, InterruptedException {
        String name = "client_" + kind.name().toLowerCase(Locale.ROOT);
        ServerProcess client = started.keep(ServerProcess.launch(ClientDriver.class, List.of(kind.name(),
                String.valueOf(port)), name, kind.label(), null, options.get("client-opts", ""), logs));
        expect(client, "READY", GRACE_SECONDS);
        out.println("started " + kind.label() + ", pid " + client.process.pid());
        return client;
    }

    /** One cell: the client's window, the CPU time of both processes and of the machine over it. */
    private Sample measure(ServerProcess client, ServerProcess server, LoadRun.Scenario scenario, long warmUp,
                           long measure) throws IOException, InterruptedException {
        client.send("run " + scenario.payload().name() + " " + scenario.inFlight() + " " + warmUp + " " + measure);
        long seconds = (warmUp + measure) / 1000 + GRACE_SECONDS;
        expect(client, "WINDOW START", seconds);
        long busy = Machine.busyNanos();
        long clientCpu = client.cpuNanos();
        long serverCpu = server.cpuNanos();
        expect(client, "WINDOW END", seconds);
        serverCpu = server.cpuNanos() - serverCpu;
        clientCpu = client.cpuNanos() - clientCpu;
        busy = Machine.busyNanos() - busy;
        String[] r = expect(client, "RESULT ", seconds).split(" ", 8);
        long calls = Long.parseLong(r[1]);
        long errors = Long.parseLong(r[2]);
        long nanos = Long.parseLong(r[3]);
        double perCall = Math.max(1, calls);
        double others = busy < 0 ? Double.NaN : Math.max(0, busy - serverCpu - clientCpu) * 100.0 / nanos / Machine.cpus();
        return new Sample(calls * 1e9 / nanos, Long.parseLong(r[4]) / 1000.0, Long.parseLong(r[5]) / 1000.0,
                clientCpu / 1000.0 / perCall, serverCpu / 1000.0 / perCall, others, errors);
    }

    /** The client's next line that starts with {@code prefix}, skipping others; fails on {@code FAILED} or silence. */
    private static String expect(ServerProcess client, String prefix, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (;;) {
            long left = (deadline - System.nanoTime()) / 1_000_000_000L;
            String line = left <= 0 ? null : client.await("", left);
            if (line == null) {
                throw new IOException("the " + client.label + " said nothing like '" + prefix + "' in " + seconds
                        + " s; see " + client.log);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("FAILED")) {
                throw new IOException("the " + client.label + " failed: " + line + "; see " + client.log);
            }
        }
    }

    // --- tables

    private static String table(List<LoadRun.Scenario> scenarios, Map<ClientKind, Map<LoadRun.Scenario, List<Sample>>> samples) {
        StringBuilder b = new StringBuilder();
        b.append("Calls/s, latency and CPU per call of each client against the same jsonrpcws server (median of the"
                + " rounds; CPU per call in microseconds, the client's whole process and the server's):\n\n");
        b.append("| scenario | calls/s ours | calls/s LSP4J | ours/LSP4J | p50 / p99 µs ours | p50 / p99 µs LSP4J"
                + " | client CPU/call ours | client CPU/call LSP4J | client CPU ours/LSP4J | server CPU/call with ours / LSP4J |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        long errors = 0;
        double maxOthers = 0;
        for (LoadRun.Scenario scenario : scenarios) {
            List<Sample> ours = samples.get(ClientKind.OURS).get(scenario);
            List<Sample> lsp = samples.get(ClientKind.LSP4J).get(scenario);
            b.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %.0f / %.0f | %.0f / %.0f | %.1f | %.1f | %.2f | %.1f / %.1f |%n",
                    scenario.label(), median(ours, Sample::callsPerSecond), median(lsp, Sample::callsPerSecond),
                    median(ours, Sample::callsPerSecond) / median(lsp, Sample::callsPerSecond),
                    median(ours, Sample::p50), median(ours, Sample::p99), median(lsp, Sample::p50), median(lsp, Sample::p99),
                    median(ours, Sample::clientCpuMicros), median(lsp, Sample::clientCpuMicros),
                    median(ours, Sample::clientCpuMicros) / median(lsp, Sample::clientCpuMicros),
                    median(ours, Sample::serverCpuMicros), median(lsp, Sample::serverCpuMicros)));
            for (Sample s : ours) {
                errors += s.errors;
                maxOthers = Double.isNaN(s.othersCpuPercent) ? maxOthers : Math.max(maxOthers, s.othersCpuPercent);
            }
            for (Sample s : lsp) {
                errors += s.errors;
                maxOthers = Double.isNaN(s.othersCpuPercent) ? maxOthers : Math.max(maxOthers, s.othersCpuPercent);
            }
        }
        b.append(String.format(Locale.ROOT, "%nFailed calls: %d. Other processes used at most %.0f%% of the machine's CPU"
                + " during a measured window.%n", errors, maxOthers));
        return b.toString();
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> metric) {
        return LoadRun.median(samples, metric);
    }
}
