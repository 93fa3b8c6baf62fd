package io.jsonrpcws.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client of the client benchmark in its own JVM, driven by {@link ClientRun} over standard input and output, so
 * that the client's CPU time is its process's alone. Arguments: a {@link ClientKind} name and the server's port (on
 * 127.0.0.1). It prints {@code READY}; then each input line is a command: {@code run <Payload> <in flight> <warm-up
 * ms> <measured ms>} opens a connection, runs {@link ClientLoad}, prints {@code WINDOW START} and {@code WINDOW END} at
 * the measured window's bounds (the driver reads the processes' CPU time then), then {@code RESULT <calls> <errors>
 * <nanos> <p50 ns> <p99 ns> <cpu ns> <an answer>} or {@code FAILED <why>}, and closes the connection; {@code stop}, or
 * the end of input (the driver died), ends the JVM.
 */
public final class ClientDriver {

    private ClientDriver() {
    }

    public static void main(String[] args) throws IOException {
        ClientKind kind = ClientKind.valueOf(args[0]);
        int port = Integer.parseInt(args[1]);
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("stop")) {
            String[] command = line.trim().split("\\s+");
            if (command.length == 5 && command[0].equals("run")) {
                System.out.println(run(kind, port, Payload.valueOf(command[1]), Integer.parseInt(command[2]),
                        Long.parseLong(command[3]), Long.parseLong(command[4])));
            } else {
                System.out.println("FAILED unknown command: " + line);
            }
            System.out.flush();
        }
        System.exit(0);
    }

    private static String run(ClientKind kind, int port, Payload payload, int inFlight, long warmUp, long measure) {
        try (ClientKind.Caller caller = kind.connect("127.0.0.1", port)) {
            LoadClient.Result r = new ClientLoad(caller).run(payload, inFlight, warmUp, measure, 0, new LoadClient.Window() {
                @Override
                public void started() {
                    System.out.println("WINDOW START");
                    System.out.flush();
                }

                @Override
                public void ended() {
                    System.out.println("WINDOW END");
                    System.out.flush();
                }
            });
            return String.format(Locale.ROOT, "RESULT %d %d %d %d %d %d %s", r.calls(), r.errors(), r.nanos(),
                    r.latency().getValueAtPercentile(50), r.latency().getValueAtPercentile(99), r.cpuNanos(),
                    String.valueOf(r.sample()).replaceAll("\\s+", " "));
        } catch (IOException | RuntimeException e) {
            return "FAILED " + String.valueOf(e).replaceAll("\\s+", " ");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAILED interrupted";
        }
    }
}
