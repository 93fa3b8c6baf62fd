package io.jsonrpcws.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} pairs a run was started with, in order: the options of the load, stream and client runs. */
record RunOptions(Map<String, String> values) {

    static RunOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new RunOptions(values);
    }

    /** The option's value, or {@code null}. */
    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(get(name, String.valueOf(fallback)));
    }
}
