package io.jsonrpcws.benchmarks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs each benchmark once and checks its answer, so that no benchmark silently measures an error
 * path, and that each engine benchmark and its baseline produce the same text. No timing here.
 */
class RpcBenchmarkTest {

    private static final String SMALL_ANSWER = "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}";

    private static RpcBenchmark bench;

    @BeforeAll
    static void setUp() {
        bench = new RpcBenchmark();
        bench.setUp();
    }

    @Test
    void smallCall() {
        assertEquals(SMALL_ANSWER, bench.smallEngine());
        assertEquals(SMALL_ANSWER, bench.smallBaseline());
    }

    @Test
    void byNameRecord() {
        String expected = "{\"jsonrpc\":\"2.0\",\"result\":12,\"id\":2}";
        assertEquals(expected, bench.byNameRecordEngine());
        assertEquals(expected, bench.byNameRecordBaseline());
    }

    @Test
    void byNameRecordFrameIsAboutOneKilobyte() {
        int length = RpcBenchmark.BY_NAME_RECORD.length();
        assertTrue(length > 900 && length < 1300, "frame length " + length);
    }

    @Test
    void batchOfTen() {
        StringBuilder expected = new StringBuilder("[");
        for (int i = 1; i <= 10; i++) {
            expected.append(i == 1 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":").append(i).append('}');
        }
        String answer = expected.append(']').toString();
        assertEquals(answer, bench.batch10Engine());
        assertEquals(answer, bench.batch10Baseline());
    }

    @Test
    void everyCallIsAnsweredTheSameAgain() {
        // the engine holds no per-call state: a second round answers the same
        for (int i = 0; i < 3; i++) {
            assertEquals(SMALL_ANSWER, bench.smallEngine());
            assertEquals(bench.byNameRecordBaseline(), bench.byNameRecordEngine());
            assertEquals(bench.batch10Baseline(), bench.batch10Engine());
        }
    }
}
