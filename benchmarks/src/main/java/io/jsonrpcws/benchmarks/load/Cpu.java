package io.jsonrpcws.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** CPU time of this JVM and of other processes. */
final class Cpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    /** CPU time of this process, every thread, in nanoseconds. */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU time of another process in nanoseconds ({@code /proc/<pid>/stat} on Linux, so 10 ms ticks); -1 if unknown. */
    static long processNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
