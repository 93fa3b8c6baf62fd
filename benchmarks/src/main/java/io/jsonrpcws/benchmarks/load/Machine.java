package io.jsonrpcws.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the run reports about the machine, from {@code /proc} where it exists. */
final class Machine {

    /** The kernel's clock tick for {@code /proc/stat}: USER_HZ is 100 on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private Machine() {
    }

    /** Processors of the machine, whatever this process is pinned to. */
    static int cpus() {
        try {
            return (int) Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    static String describe() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
        } catch (IOException | RuntimeException ignored) {
            // reported as unknown
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return cpus() + " CPUs (" + model + "), " + Math.round(memory / 1e9) + " GB, " + System.getProperty("os.name")
                + " " + System.getProperty("os.version");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU time all processes spent busy since boot, from {@code /proc/stat}; -1 where it does not exist. */
    static long busyNanos() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Context switches of every thread of a process, voluntary or not, from {@code /proc}; -1 where unknown. */
    static long contextSwitches(long pid) {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            long sum = 0;
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Kernel (system) CPU time of a process in nanoseconds, from {@code /proc/<pid>/stat}; -1 where unknown. */
    static long systemNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, stime field 15
            return Long.parseLong(f[12]) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
