package io.jsonrpcws.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * One server of the load test in its own JVM, driven by {@link LoadRun} over standard input and output.
 * Argument: the name of a {@link ServerKind} or a {@link StreamServerKind}. It binds 127.0.0.1 on a free port and prints {@code LISTENING <port>};
 * then each input line is a command: {@code heap} collects garbage and prints {@code HEAP <bytes used>};
 * {@code stop}, or the end of input (the driver died), stops the server and the JVM.
 */
public final class LoadServer {

    private LoadServer() {
    }

    public static void main(String[] args) throws IOException {
        boolean stream = java.util.Arrays.stream(StreamServerKind.values()).anyMatch(k -> k.name().equals(args[0]));
        ServerKind.Running server = stream ? StreamServerKind.valueOf(args[0]).start("127.0.0.1")
                : ServerKind.valueOf(args[0]).start("127.0.0.1");
        try {
            System.out.println("LISTENING " + server.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                if (line.equals("heap")) {
                    System.out.println("HEAP " + heapAfterGc());
                    System.out.flush();
                }
            }
        } finally {
            server.close();
        }
        System.exit(0);
    }

    /** Heap in use after full collections, once it stops shrinking (at most five). */
    static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return used;
            }
            used = now;
        }
        return used;
    }
}
