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
 * The streams benchmark: starts each {@link StreamServerKind} as its own JVM ({@link LoadServer}) and counts the items
 * that {@link LoadClient} receives from them over 127.0.0.1, in alternation, scenario by scenario, for several rounds;
 * then weighs idle subscriptions in a fresh jsonrpcws server. Prints each measurement, then tables of medians
 * (Markdown), also written to {@code --out}. Run by {@code benchmarks/run-load.sh --streams}.
 *
 * <p>Options: {@code --rounds 3 --warmup-ms 2000 --measure-ms 4000 --server-cpus 1
 * --server-opts "-Xms1g -Xmx1g -XX:+UseSerialGC" --logs target/load --out target/load/streams.md
 * --idle-connections 100 --idle-subscriptions 100} (per connection; 0 for no idle measurement), and
 * {@code --bound 100000000}, the items each subscription sends at most, and {@code --scenarios} to keep only the
 * scenarios whose label contains each of its comma-separated words, such as {@code "1 x 1"}.
 */
public final class StreamRun {

    private static final String HOST = "127.0.0.1";
    private static final List<StreamServerKind> KINDS = List.of(StreamServerKind.OURS_STREAM, StreamServerKind.RAW_STREAM);

    /** What each item is: the subscription method and a label. */
    enum Item {
        TEXT("short string", "feed.strings"),
        RECORD("small record", "feed.quotes");

        final String label;
        final String method;

        Item(String label, String method) {
            this.label = label;
            this.method = method;
        }
    }

    /** A stream shape: connections, subscriptions on each, and their item. */
    record Scenario(Item item, int connections, int perConnection) {
        String label() {
            int subscriptions = connections * perConnection;
            return item.label + ", " + String.format(Locale.ROOT, "%,d", subscriptions) + " subscription"
                    + (subscriptions == 1 ? "" : "s") + " (" + connections + " x " + perConnection + ")";
        }
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario(Item.TEXT, 1, 1),
            new Scenario(Item.TEXT, 100, 10),
            new Scenario(Item.RECORD, 1, 1),
            new Scenario(Item.RECORD, 100, 10));

    /** One measurement. */
    record Sample(double itemsPerSecond, double serverCpuMicros, double generatorCpuMicros, double othersCpuPercent,
                  double serverSwitches, double serverKernelShare) {
    }

    private final RunOptions options;
    private final PrintStream out = System.out;
    private final ServerProcess.Started started = new ServerProcess.Started();

    private StreamRun(RunOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        StreamRun run = new StreamRun(RunOptions.parse(args));
        Runtime.getRuntime().addShutdownHook(new Thread(run::stopAll, "streams-cleanup"));
        try {
            run.run();
        } finally {
            run.stopAll();
        }
    }

    private void run() throws Exception {
        int rounds = options.integer("rounds", 3);
        long warmUp = options.integer("warmup-ms", 2000);
        long measure = options.integer("measure-ms", 4000);
        int idleConnections = options.integer("idle-connections", 100);
        int idlePerConnection = options.integer("idle-subscriptions", 100);
        Path logs = Path.of(options.get("logs", "target/load"));
        Files.createDirectories(logs);
        String filter = options.get("scenarios", "");
        List<String> words = Arrays.stream(filter.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
        List<Scenario> scenarios = SCENARIOS.stream().filter(s -> words.stream().allMatch(w -> s.label().contains(w))).toList();

        StringBuilder report = new StringBuilder();
        String header = "Streams run " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)
                + "; JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")"
                + "; " + Machine.describe()
                + "; servers pinned to CPU " + options.get("server-cpus", "(not pinned)")
                + ", JVM flags `" + options.get("server-opts", "") + "`"
                + "; " + rounds + " rounds, " + warmUp + " ms warm-up + " + measure + " ms measured per cell"
                + "; items: `" + RawStreamEndpoint.TEXT_JSON + "` (short string), `" + RawStreamEndpoint.QUOTE_JSON
                + "` (small record)"
                + "; load average at start " + Machine.loadAverage();
        out.println(header);
        report.append(header).append("\n\n");

        if (rounds > 0) {
            Map<StreamServerKind, ServerProcess> servers = new EnumMap<>(StreamServerKind.class);
            Map<StreamServerKind, Map<Scenario, List<Sample>>> samples = new EnumMap<>(StreamServerKind.class);
            for (StreamServerKind kind : KINDS) {
                servers.put(kind, start(kind, logs));
                samples.put(kind, new LinkedHashMap<>());
            }
            for (StreamServerKind kind : KINDS) {
                out.println("warming up " + kind.label());
                for (Scenario scenario : scenarios) {
                    measure(servers.get(kind), scenario, warmUp, 500);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                out.println("round " + round + " of " + rounds + "; load average " + Machine.loadAverage());
                for (Scenario scenario : scenarios) {
                    for (StreamServerKind kind : KINDS) {
                        Sample s = measure(servers.get(kind), scenario, warmUp, measure);
                        samples.get(kind).computeIfAbsent(scenario, k -> new ArrayList<>()).add(s);
                        out.printf(Locale.ROOT, "  %-44s %-10s %10.0f items/s  cpu/item server %6.2f generator %6.2f us"
                                        + "  server kernel %3.0f%%, %.3f switches/item  others %4.0f%%%n",
                                scenario.label(), kind.label(), s.itemsPerSecond, s.serverCpuMicros, s.generatorCpuMicros,
                                s.serverKernelShare, s.serverSwitches, s.othersCpuPercent);
                    }
                }
            }
            for (StreamServerKind kind : KINDS) {
                servers.get(kind).stop();
            }
            report.append(table(scenarios, samples));
        }

        if (idleConnections > 0 && idlePerConnection > 0) {
            report.append(idle(idleConnections, idlePerConnection, Math.max(1, rounds), logs));
        }
        report.append("\nLoad average at the end: ").append(Machine.loadAverage()).append('\n');

        out.println();
        out.println(report);
        Path result = Path.of(options.get("out", logs.resolve("streams.md").toString()));
        Files.writeString(result, report.toString(), StandardCharsets.UTF_8);
        out.println("written to " + result);
    }

    private Sample measure(ServerProcess server, Scenario scenario, long warmUp, long measure) throws IOException {
        long[] serverCpu = new long[1];
        long[] busy = new long[1];
        long[] busyWall = new long[1];
        long[] switches = new long[1];
        long[] kernel = new long[1];
        long pid = server.process.pid();
        try (LoadClient client = LoadClient.connect(HOST, server.port, ServerKind.PATH, scenario.connections(), 30_000)) {
            client.subscribe(scenario.item().method, "[" + options.get("bound", "100000000") + "]", scenario.perConnection(), 30_000);
            LoadClient.StreamResult r = client.stream(warmUp, measure, new LoadClient.Window() {
                @Override
                public void started() {
                    busyWall[0] = System.nanoTime();
                    busy[0] = Machine.busyNanos();
                    switches[0] = Machine.contextSwitches(pid);
                    kernel[0] = Machine.systemNanos(pid);
                    serverCpu[0] = server.cpuNanos();
                }

                @Override
                public void ended() {
                    serverCpu[0] = server.cpuNanos() - serverCpu[0];
                    kernel[0] = Machine.systemNanos(pid) - kernel[0];
                    switches[0] = Machine.contextSwitches(pid) - switches[0];
                    busy[0] = Machine.busyNanos() - busy[0];
                    busyWall[0] = System.nanoTime() - busyWall[0];
                }
            });
            if (r.ended() > 0) {
                throw new IllegalStateException(r.ended() + " subscriptions ended during the run (" + r.failed() + " failed)");
            }
            double items = Math.max(1, r.items());
            // over the time between the two readings of the machine's busy time, which holds the others' windows
            double others = busy[0] < 0 ? Double.NaN
                    : Math.max(0, busy[0] - serverCpu[0] - r.cpuNanos()) * 100.0 / busyWall[0] / Machine.cpus();
            return new Sample(r.itemsPerSecond(), serverCpu[0] / 1000.0 / items, r.cpuNanos() / 1000.0 / items, others,
                    switches[0] / items, serverCpu[0] > 0 ? kernel[0] * 100.0 / serverCpu[0] : Double.NaN);
        }
    }

    /**
     * Idle subscriptions in a fresh jsonrpcws server, {@code rounds} times: connections opened, heap after full
     * collections; then {@code perConnection} subscriptions of {@code feed.silence} on each, heap again; the
     * difference per subscription. The connections close between rounds; a first round, not counted, leaves behind
     * whatever the server allocates once (classes, caches, pools).
     */
    private String idle(int connections, int perConnection, int rounds, Path logs) throws Exception {
        // its own log and recording, so that those of the throughput runs stay
        ServerProcess server = started.start(StreamServerKind.OURS_STREAM.name(), "jsonrpcws (idle)",
                options.get("server-cpus"), options.get("server-opts", "").replace("{kind}", "ours_stream_idle"), logs, out);
        List<Double> withConnections = new ArrayList<>();
        List<Double> withSubscriptions = new ArrayList<>();
        List<Double> perSubscription = new ArrayList<>();
        int subscriptions = connections * perConnection;
        try {
            measure(server, new Scenario(Item.TEXT, 1, 1), 0, 300);
            for (int round = 0; round <= rounds; round++) {
                long empty = server.heap();
                try (LoadClient client = LoadClient.connect(HOST, server.port, ServerKind.PATH, connections, 60_000)) {
                    Thread.sleep(1000);
                    long open = server.heap();
                    client.subscribe("feed.silence", "[]", perConnection, 60_000);
                    Thread.sleep(1000);
                    long subscribed = server.heap();
                    double connection = (open - empty) / (double) connections;
                    double subscription = (subscribed - open) / (double) subscriptions;
                    if (round > 0) {
                        withConnections.add((double) open);
                        withSubscriptions.add((double) subscribed);
                        perSubscription.add(subscription);
                    }
                    out.printf(Locale.ROOT, "idle: round %d%s, heap %,d bytes, %,d with %d connections (%,.0f each), %,d with %,d"
                                    + " subscriptions (%,.0f each)%n", round, round == 0 ? " (not counted)" : "", empty, open,
                            connections, connection, subscribed, subscriptions, subscription);
                }
            }
        } finally {
            server.stop();
        }
        return String.format(Locale.ROOT, "%nIdle subscriptions (jsonrpcws, `feed.silence`, a publisher that never sends),"
                        + " heap after full GCs, medians of %d rounds:%n%n"
                        + "| connections | subscriptions | heap, connections open | heap, with the subscriptions |"
                        + " per subscription |%n|---:|---:|---:|---:|---:|%n| %,d | %,d (%d each) | %,.0f bytes | %,.0f bytes |"
                        + " %,.0f bytes |%n",
                rounds, connections, subscriptions, perConnection, median(withConnections), median(withSubscriptions),
                median(perSubscription));
    }

    private static String table(List<Scenario> scenarios, Map<StreamServerKind, Map<Scenario, List<Sample>>> samples) {
        StringBuilder b = new StringBuilder();
        b.append("Items per second to the subscribers, and CPU per item in microseconds (median of the rounds):\n\n")
                .append("| scenario | jsonrpcws items/s | raw async items/s | ours/raw | server CPU/item ours / raw |")
                .append(" server CPU ours/raw | generator CPU/item ours / raw | others' CPU, most |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        StreamServerKind ours = StreamServerKind.OURS_STREAM;
        StreamServerKind raw = StreamServerKind.RAW_STREAM;
        double maxOthers = 0;
        for (Scenario scenario : scenarios) {
            double others = 0;
            for (StreamServerKind k : KINDS) {
                for (Sample s : samples.get(k).get(scenario)) {
                    if (!Double.isNaN(s.othersCpuPercent)) {
                        others = Math.max(others, s.othersCpuPercent);
                    }
                }
            }
            maxOthers = Math.max(maxOthers, others);
            double oursRate = median(samples, ours, scenario, Sample::itemsPerSecond);
            double rawRate = median(samples, raw, scenario, Sample::itemsPerSecond);
            double oursCpu = median(samples, ours, scenario, Sample::serverCpuMicros);
            double rawCpu = median(samples, raw, scenario, Sample::serverCpuMicros);
            b.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %.2f / %.2f | %.2f | %.2f / %.2f | %.0f%% |%n",
                    scenario.label(), oursRate, rawRate, oursRate / rawRate, oursCpu, rawCpu, oursCpu / rawCpu,
                    median(samples, ours, scenario, Sample::generatorCpuMicros),
                    median(samples, raw, scenario, Sample::generatorCpuMicros), others));
        }
        b.append("\nServer kernel share of its CPU and context switches per item (median): ");
        List<String> parts = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            parts.add(String.format(Locale.ROOT, "%s: ours %.0f%%, %.3f; raw %.0f%%, %.3f", scenario.label(),
                    median(samples, ours, scenario, Sample::serverKernelShare), median(samples, ours, scenario, Sample::serverSwitches),
                    median(samples, raw, scenario, Sample::serverKernelShare), median(samples, raw, scenario, Sample::serverSwitches)));
        }
        b.append(String.join("; ", parts)).append(".\n");
        b.append(String.format(Locale.ROOT, "Other processes used at most %.0f%% of the machine's CPU during a measured window.%n",
                maxOthers));
        return b.toString();
    }

    private static double median(Map<StreamServerKind, Map<Scenario, List<Sample>>> samples, StreamServerKind kind,
                                 Scenario scenario, ToDoubleFunction<Sample> metric) {
        return median(samples.get(kind).get(scenario).stream().mapToDouble(metric).boxed().toList());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private ServerProcess start(StreamServerKind kind, Path logs) throws IOException, InterruptedException {
        return started.start(kind.name(), kind.label(), options.get("server-cpus"), options.get("server-opts", ""), logs, out);
    }

    private void stopAll() {
        started.stopAll();
    }
}
