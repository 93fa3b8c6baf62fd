package io.jsonrpcws.standalone.e2e;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.management.ObjectName;

/**
 * The live heap of this JVM, from a class histogram: the diagnostic command collects and counts in one pause, so what
 * other threads allocate meanwhile (a server still at work) is not counted, as it is in the heap's "used" read after
 * {@code System.gc()}.
 */
final class LiveHeap {

    private LiveHeap() {
    }

    /** Bytes of live objects now. */
    static long bytes() {
        String total = histogram().lines().filter(line -> line.startsWith("Total")).findFirst()
                .orElseThrow(() -> new AssertionError("a heap histogram without its total"));
        return Long.parseLong(total.trim().split("\\s+")[2]);
    }

    /** Live instances of the class now. */
    static long instances(String className) {
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)",
                Pattern.MULTILINE).matcher(histogram());
        return row.find() ? Long.parseLong(row.group(1)) : 0;
    }

    /** The histogram's head: the classes that hold the most, for a failure's message. */
    static String largest() {
        return histogram().lines().limit(16).collect(Collectors.joining("\n"));
    }

    private static String histogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new AssertionError("no heap histogram: " + e, e);
        }
    }
}
