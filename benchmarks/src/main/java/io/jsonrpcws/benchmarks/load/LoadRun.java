package io.jsonrpcws.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The end-to-end load test: starts each {@link ServerKind} as its own JVM ({@link LoadServer}), drives them
 * in alternation with {@link LoadClient} from this JVM over 127.0.0.1, scenario by scenario, for several
 * rounds, then opens idle connections to fresh servers and weighs their heap. Prints each measurement,
 * then tables of medians (Markdown), also written to {@code --out}. Run by {@code benchmarks/run-load.sh}.
 *
 * <p>Options: {@code --rounds 3 --warmup-ms 2000 --measure-ms 4000 --idle 10000 --server-cpus 1
 * --server-opts "-Xms1g -Xmx1g -XX:+UseSerialGC" --logs target/load --out target/load/result.md
 * --servers RAW,RAW_ASYNC,JSONP,LSP4J,OURS,OURS_INLINE --idle-servers RAW,JSONP,LSP4J,OURS}, and {@code --scenarios} to keep only the
 * scenarios whose label contains each of its comma-separated words, such as {@code "small, many"}.
 */
public final class LoadRun {

    private static final String HOST = "127.0.0.1";

    /** A load shape: connections, calls in flight on each, and what each call sends. */
    record Scenario(String shape, int connections, int inFlight, Payload payload) {
        String label() {
            return payload.label() + ", " + shape + " (" + connections + " x " + inFlight + ")";
        }
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("latency", 1, 1, Payload.SMALL),
            new Scenario("pipelined", 1, 64, Payload.SMALL),
            new Scenario("many", 32, 16, Payload.SMALL),
            new Scenario("latency", 1, 1, Payload.OBJECT),
            new Scenario("pipelined", 1, 64, Payload.OBJECT),
            new Scenario("many", 32, 16, Payload.OBJECT));

    /** One measurement. */
    record Sample(double callsPerSecond, double p50, double p99, double p999, double serverCpuMicros,
                  double generatorCpuMicros, double othersCpuPercent, long errors, double serverSwitches,
                  double serverKernelShare) {
    }

    private final RunOptions options;
    private final PrintStream out = System.out;
    private final ServerProcess.Started started = new ServerProcess.Started();

    private LoadRun(RunOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        LoadRun run = new LoadRun(RunOptions.parse(args));
        Thread cleanup = new Thread(run::stopAll, "load-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            run.run();
        } finally {
            run.stopAll();
        }
    }

    private List<ServerKind> kinds(String name, String fallback) {
        return Arrays.stream(options.get(name, fallback).split(","))
                .map(s -> ServerKind.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
    }

    private void run() throws Exception {
        int rounds = options.integer("rounds", 3);
        long warmUp = options.integer("warmup-ms", 2000);
        long measure = options.integer("measure-ms", 4000);
        int idle = options.integer("idle", 10_000);
        List<ServerKind> kinds = kinds("servers", "RAW,RAW_ASYNC,JSONP,LSP4J,OURS,OURS_INLINE");
        List<ServerKind> idleKinds = kinds("idle-servers", "RAW,JSONP,LSP4J,OURS");
        List<Scenario> scenarios = scenarios();
        Path logs = Path.of(options.get("logs", "target/load"));
        Files.createDirectories(logs);

        StringBuilder report = new StringBuilder();
        String header = "Run " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)
                + "; JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")"
                + "; " + Machine.describe()
                + "; servers pinned to CPU " + options.get("server-cpus", "(not pinned)")
                + ", JVM flags `" + options.get("server-opts", "") + "`"
                + "; " + rounds + " rounds, " + warmUp + " ms warm-up + " + measure + " ms measured per cell"
                + "; load average at start " + Machine.loadAverage();
        out.println(header);
        report.append(header).append("\n\n");

        Map<ServerKind, Map<Scenario, List<Sample>>> samples = new EnumMap<>(ServerKind.class);
        if (!kinds.isEmpty() && rounds > 0) {
            Map<ServerKind, ServerProcess> servers = new EnumMap<>(ServerKind.class);
            for (ServerKind kind : kinds) {
                servers.put(kind, start(kind, logs));
                samples.put(kind, new LinkedHashMap<>());
            }
            for (ServerKind kind : kinds) {
                out.println("warming up " + kind.label());
                for (Payload payload : Payload.values()) {
                    measure(servers.get(kind), new Scenario("warm-up", 32, 16, payload), warmUp * 2, 500);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                out.println("round " + round + " of " + rounds + "; load average " + Machine.loadAverage());
                for (Scenario scenario : scenarios) {
                    for (ServerKind kind : kinds) {
                        Sample s = measure(servers.get(kind), scenario, warmUp, measure);
                        samples.get(kind).computeIfAbsent(scenario, k -> new ArrayList<>()).add(s);
                        out.printf(Locale.ROOT, "  %-34s %-14s %9.0f calls/s  p50 %7.1f  p99 %7.1f  p99.9 %7.1f us"
                                        + "  cpu/call server %6.2f generator %6.2f us  server kernel %3.0f%%, %.2f switches/call  others %4.0f%%  errors %d%n",
                                scenario.label(), kind.label(), s.callsPerSecond, s.p50, s.p99, s.p999,
                                s.serverCpuMicros, s.generatorCpuMicros, s.serverKernelShare, s.serverSwitches, s.othersCpuPercent, s.errors);
                    }
                }
            }
            for (ServerKind kind : kinds) {
                servers.get(kind).stop();
            }
            report.append(tables(kinds, scenarios, samples));
        }

        if (idle > 0 && !idleKinds.isEmpty()) {
            Map<ServerKind, Double> perConnection = new EnumMap<>(ServerKind.class);
            for (ServerKind kind : idleKinds) {
                perConnection.put(kind, idleHeap(kind, idle, logs));
            }
            report.append(idleTable(idle, perConnection));
        }
        report.append("\nLoad average at the end: ").append(Machine.loadAverage()).append('\n');

        out.println();
        out.println(report);
        Path result = Path.of(options.get("out", logs.resolve("result.md").toString()));
        Files.writeString(result, report.toString(), StandardCharsets.UTF_8);
        out.println("written to " + result);
    }

    private Sample measure(ServerProcess server, Scenario scenario, long warmUp, long measure) throws IOException {
        long[] serverCpu = new long[1];
        long[] busy = new long[1];
        long[] switches = new long[1];
        long[] kernel = new long[1];
        long pid = server.process.pid();
        try (LoadClient client = LoadClient.connect(HOST, server.port, ServerKind.PATH, scenario.connections(), 30_000)) {
            LoadClient.Result r = client.run(scenario.payload(), scenario.inFlight(), warmUp, measure, 0, new LoadClient.Window() {
                @Override
                public void started() {
                    busy[0] = Machine.busyNanos();
                    switches[0] = Machine.contextSwitches(pid);
                    kernel[0] = Machine.systemNanos(pid);
                    serverCpu[0] = Cpu.processNanos(server.process.toHandle());
                }

                @Override
                public void ended() {
                    serverCpu[0] = Cpu.processNanos(server.process.toHandle()) - serverCpu[0];
                    kernel[0] = Machine.systemNanos(pid) - kernel[0];
                    switches[0] = Machine.contextSwitches(pid) - switches[0];
                    busy[0] = Machine.busyNanos() - busy[0];
                }
            });
            double calls = Math.max(1, r.calls());
            double others = busy[0] < 0 ? Double.NaN
                    : Math.max(0, busy[0] - serverCpu[0] - r.cpuNanos()) * 100.0 / r.nanos() / Machine.cpus();
            return new Sample(r.callsPerSecond(), r.latencyMicros(50), r.latencyMicros(99), r.latencyMicros(99.9),
                    serverCpu[0] / 1000.0 / calls, r.cpuNanos() / 1000.0 / calls, others, r.errors(),
                    switches[0] / calls, serverCpu[0] > 0 ? kernel[0] * 100.0 / serverCpu[0] : Double.NaN);
        }
    }

    private double idleHeap(ServerKind kind, int connections, Path logs) throws Exception {
        ServerProcess server = start(kind, logs);
        try {
            try (LoadClient warm = LoadClient.connect(HOST, server.port, ServerKind.PATH, 100, 60_000)) {
                warm.run(Payload.SMALL, 1, 0, 200, 0, NO_WINDOW);
            }
            long before = server.heap();
            long after;
            try (LoadClient client = LoadClient.connect(HOST, server.port, ServerKind.PATH, connections, 300_000)) {
                Thread.sleep(1000);
                after = server.heap();
            }
            double per = (after - before) / (double) connections;
            out.printf(Locale.ROOT, "idle: %-14s %d connections: heap %,d -> %,d bytes after GC, %,.0f bytes each%n",
                    kind.label(), connections, before, after, per);
            return per;
        } finally {
            server.stop();
        }
    }

    private static final LoadClient.Window NO_WINDOW = new LoadClient.Window() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };

    // --- tables

    private List<Scenario> scenarios() {
        return scenarios(options.get("scenarios"));
    }

    /** The scenarios whose label contains each comma-separated word of the filter; all of them for {@code null}. */
    static List<Scenario> scenarios(String filter) {
        if (filter == null) {
            return SCENARIOS;
        }
        List<String> words = Arrays.stream(filter.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
        return SCENARIOS.stream().filter(s -> words.stream().allMatch(w -> s.label().contains(w))).toList();
    }

    private static String tables(List<ServerKind> kinds, List<Scenario> scenarios,
                                 Map<ServerKind, Map<Scenario, List<Sample>>> samples) {
        StringBuilder b = new StringBuilder();
        b.append("Throughput, calls/s (median of the rounds):\n\n| scenario |");
        kinds.forEach(k -> b.append(' ').append(k.label()).append(" |"));
        boolean ratios = kinds.contains(ServerKind.OURS) && kinds.contains(ServerKind.RAW) && kinds.contains(ServerKind.LSP4J);
        boolean inline = ratios && kinds.contains(ServerKind.OURS_INLINE);
        boolean async = ratios && kinds.contains(ServerKind.RAW_ASYNC);
        if (ratios) {
            b.append(" ours/raw | ours/LSP4J |");
        }
        if (async) {
            b.append(" ours/raw async |");
        }
        if (inline) {
            b.append(" @NonBlocking/raw | @NonBlocking/LSP4J |");
        }
        b.append("\n|---|").append("---:|".repeat(kinds.size() + (ratios ? 2 : 0) + (async ? 1 : 0) + (inline ? 2 : 0)))
                .append('\n');
        for (Scenario scenario : scenarios) {
            b.append("| ").append(scenario.label()).append(" |");
            for (ServerKind k : kinds) {
                b.append(' ').append(String.format(Locale.ROOT, "%,.0f", median(samples, k, scenario, Sample::callsPerSecond))).append(" |");
            }
            if (ratios) {
                double ours = median(samples, ServerKind.OURS, scenario, Sample::callsPerSecond);
                b.append(String.format(Locale.ROOT, " %.2f | %.2f |", ours / median(samples, ServerKind.RAW, scenario, Sample::callsPerSecond),
                        ours / median(samples, ServerKind.LSP4J, scenario, Sample::callsPerSecond)));
            }
            if (async) {
                b.append(String.format(Locale.ROOT, " %.2f |", median(samples, ServerKind.OURS, scenario, Sample::callsPerSecond)
                        / median(samples, ServerKind.RAW_ASYNC, scenario, Sample::callsPerSecond)));
            }
            if (inline) {
                double direct = median(samples, ServerKind.OURS_INLINE, scenario, Sample::callsPerSecond);
                b.append(String.format(Locale.ROOT, " %.2f | %.2f |", direct / median(samples, ServerKind.RAW, scenario, Sample::callsPerSecond),
                        direct / median(samples, ServerKind.LSP4J, scenario, Sample::callsPerSecond)));
            }
            b.append('\n');
        }
        b.append("\nLatency, microseconds, p50 / p99 / p99.9 (median of the rounds):\n\n| scenario |");
        kinds.forEach(k -> b.append(' ').append(k.label()).append(" |"));
        if (ratios) {
            b.append(" p50 ours/raw |");
        }
        if (inline) {
            b.append(" p50 @NonBlocking/raw |");
        }
        b.append("\n|---|").append("---:|".repeat(kinds.size() + (ratios ? 1 : 0) + (inline ? 1 : 0))).append('\n');
        for (Scenario scenario : scenarios) {
            b.append("| ").append(scenario.label()).append(" |");
            for (ServerKind k : kinds) {
                b.append(String.format(Locale.ROOT, " %.0f / %.0f / %.0f |", median(samples, k, scenario, Sample::p50),
                        median(samples, k, scenario, Sample::p99), median(samples, k, scenario, Sample::p999)));
            }
            if (ratios) {
                b.append(String.format(Locale.ROOT, " %.2f |", median(samples, ServerKind.OURS, scenario, Sample::p50)
                        / median(samples, ServerKind.RAW, scenario, Sample::p50)));
            }
            if (inline) {
                b.append(String.format(Locale.ROOT, " %.2f |", median(samples, ServerKind.OURS_INLINE, scenario, Sample::p50)
                        / median(samples, ServerKind.RAW, scenario, Sample::p50)));
            }
            b.append('\n');
        }
        b.append("\nCPU per call, microseconds, server / generator (median of the rounds):\n\n| scenario |");
        kinds.forEach(k -> b.append(' ').append(k.label()).append(" |"));
        if (ratios) {
            b.append(" server CPU ours/raw | ours/LSP4J |");
        }
        b.append("\n|---|").append("---:|".repeat(kinds.size() + (ratios ? 2 : 0))).append('\n');
        int cells = 0;
        int leaner = 0;
        double maxOthers = 0;
        long errors = 0;
        for (Scenario scenario : scenarios) {
            b.append("| ").append(scenario.label()).append(" |");
            for (ServerKind k : kinds) {
                double server = median(samples, k, scenario, Sample::serverCpuMicros);
                double generator = median(samples, k, scenario, Sample::generatorCpuMicros);
                cells++;
                leaner += generator < server ? 1 : 0;
                b.append(String.format(Locale.ROOT, " %.1f / %.1f |", server, generator));
                for (Sample s : samples.get(k).get(scenario)) {
                    errors += s.errors;
                    if (!Double.isNaN(s.othersCpuPercent)) {
                        maxOthers = Math.max(maxOthers, s.othersCpuPercent);
                    }
                }
            }
            if (ratios) {
                double ours = median(samples, ServerKind.OURS, scenario, Sample::serverCpuMicros);
                b.append(String.format(Locale.ROOT, " %.2f | %.2f |", ours / median(samples, ServerKind.RAW, scenario, Sample::serverCpuMicros),
                        ours / median(samples, ServerKind.LSP4J, scenario, Sample::serverCpuMicros)));
            }
            b.append('\n');
        }
        b.append(roundRatios(kinds, scenarios, samples));
        b.append(String.format(Locale.ROOT, "%nThe generator used less CPU per call than the server in %d of %d cells. "
                + "Error answers: %d. Other processes used at most %.0f%% of the machine's CPU during a measured window.%n",
                leaner, cells, errors, maxOthers));
        return b.toString();
    }

    /**
     * Each jsonrpcws configuration's calls/s against LSP4J's and the raw async echo's, as the median of the ratios
     * of each round (the servers of a round ran one after the other, under the same conditions).
     */
    private static String roundRatios(List<ServerKind> kinds, List<Scenario> scenarios,
                                      Map<ServerKind, Map<Scenario, List<Sample>>> samples) {
        List<ServerKind> bases = kinds.stream().filter(k -> k == ServerKind.LSP4J || k == ServerKind.RAW_ASYNC).toList();
        List<ServerKind> ours = kinds.stream().filter(k -> k.name().startsWith("OURS")).toList();
        if (bases.isEmpty() || ours.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\nCalls/s against the baselines, median of the rounds' ratios:\n\n| scenario |");
        for (ServerKind k : ours) {
            bases.forEach(base -> b.append(' ').append(k.label()).append(" / ").append(base.label()).append(" |"));
        }
        b.append("\n|---|").append("---:|".repeat(ours.size() * bases.size())).append('\n');
        for (Scenario scenario : scenarios) {
            b.append("| ").append(scenario.label()).append(" |");
            for (ServerKind k : ours) {
                for (ServerKind base : bases) {
                    List<Sample> mine = samples.get(k).get(scenario);
                    List<Sample> theirs = samples.get(base).get(scenario);
                    List<Double> ratios = new ArrayList<>();
                    for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                        ratios.add(mine.get(i).callsPerSecond() / theirs.get(i).callsPerSecond());
                    }
                    b.append(String.format(Locale.ROOT, " %.2f |", median(ratios, Double::doubleValue)));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static double median(Map<ServerKind, Map<Scenario, List<Sample>>> samples, ServerKind kind, Scenario scenario,
                                 ToDoubleFunction<Sample> metric) {
        return median(samples.get(kind).get(scenario), metric);
    }

    /** The median of a metric of the rounds' samples. */
    static <T> double median(List<T> samples, ToDoubleFunction<T> metric) {
        double[] values = samples.stream().mapToDouble(metric).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String idleTable(int connections, Map<ServerKind, Double> perConnection) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%nIdle connections: heap after GC per open connection, %,d connections:%n%n| server | bytes per connection |", connections));
        Double raw = perConnection.get(ServerKind.RAW);
        if (raw != null) {
            b.append(" on top of raw Tyrus |");
        }
        b.append("\n|---|---:|").append(raw != null ? "---:|" : "").append('\n');
        perConnection.forEach((kind, per) -> {
            b.append("| ").append(kind.label()).append(String.format(Locale.ROOT, " | %,.0f |", per));
            if (raw != null) {
                b.append(String.format(Locale.ROOT, " %,.0f |", per - raw));
            }
            b.append('\n');
        });
        return b.toString();
    }

    // --- server processes

    private ServerProcess start(ServerKind kind, Path logs) throws IOException, InterruptedException {
        return started.start(kind.name(), kind.label(), options.get("server-cpus"), options.get("server-opts", ""), logs, out);
    }

    private void stopAll() {
        started.stopAll();
    }
}
