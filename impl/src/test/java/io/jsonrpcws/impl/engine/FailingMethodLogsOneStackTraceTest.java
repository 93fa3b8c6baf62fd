package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A method that fails on every call is logged once with its stack trace and then only counted: a thousand
 * failing calls (in batches, as a flood would come) write one stack trace, and every call is still answered
 * -32603.
 */
class FailingMethodLogsOneStackTraceTest {

    public static class Broken {
        @JsonRpcMethod
        public int crash(int n) {
            throw new IllegalStateException("broken for " + n);
        }
    }

    @Test
    void thousandFailingCallsWriteOneStackTrace() {
        JsonRpcEngine engine = Rpc.engine(new Broken());
        try (LogCapture log = new LogCapture(JsonRpcEngine.class.getName())) {
            for (int batch = 0; batch < 10; batch++) {
                int first = batch * 100;
                String frame = IntStream.range(first, first + 100)
                        .mapToObj(i -> "{\"jsonrpc\":\"2.0\",\"method\":\"crash\",\"params\":[" + i + "],\"id\":" + i + "}")
                        .collect(Collectors.joining(",", "[", "]"));
                JsonArray answers = Rpc.batch(engine, frame);
                assertEquals(100, answers.size());
                answers.forEach(a -> assertEquals(-32603, Rpc.code(a.asJsonObject())));
            }
            assertEquals(1, log.withStackTrace(), () -> "records: " + log.records().size() + ", characters: " + log.characters());
            assertEquals(1, log.records().size(), "the repeats within a minute are only counted");
            LogRecord first = log.records().get(0);
            assertTrue(first.getMessage().startsWith("JRWS-0301 " + Broken.class.getName() + "#crash failed with "
                    + IllegalStateException.class.getName() + " at "), first.getMessage());
            assertTrue(log.characters() < 10_000, () -> log.characters() + " characters of log");
        }
    }
}
