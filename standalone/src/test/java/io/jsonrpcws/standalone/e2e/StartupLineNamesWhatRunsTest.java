package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import io.jsonrpcws.cdi.JsonRpcRuntime;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.JsonbConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line an operator reads when the server starts says where the methods are served (the full URI), whether HTTP
 * is on, which exception mappers and which JSON-B settings of the application apply, and how calls run.
 */
class StartupLineNamesWhatRunsTest {

    /** An application exception and its mapper. */
    public static class Refused extends RuntimeException {
    }

    @ApplicationScoped
    public static class RefusedMapper implements JsonRpcExceptionMapper<Refused> {
        @Override
        public JsonRpcException toJsonRpcException(Refused exception) {
            return new JsonRpcException(4000, "refused");
        }
    }

    @ApplicationScoped
    public static class Settings {
        @Produces
        JsonbConfig jsonbConfig() {
            return new JsonbConfig().withNullValues(true);
        }
    }

    private final Logger logger = Logger.getLogger(JsonRpcRuntime.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Test
    void startupLineNamesTheUriHttpMappersAndJsonb() {
        String line = startupLine(JsonRpcServer.builder().host("127.0.0.1").port(0),
                EchoService.class, RefusedMapper.class, Settings.class);
        assertTrue(line.startsWith("JRWS-0108 jsonrpcws: 1 JSON-RPC methods at ws://127.0.0.1:"), line);
        assertTrue(line.contains("/jsonrpc (WebSocket and HTTP POST)"), line);
        assertTrue(line.contains("exception mappers: " + RefusedMapper.class.getName() + " (" + Refused.class.getName() + ")"), line);
        assertTrue(line.contains("JSON-B: the application's JsonbConfig (" + Settings.class.getName() + ")"), line);
        assertTrue(line.contains("calls run on "), line);
    }

    @Test
    void startupLineSaysWhatIsLeftAtItsDefaultAndOff() {
        String line = startupLine(JsonRpcServer.builder().host("127.0.0.1").port(0)
                .config(RuntimeConfig.builder().set("jsonrpcws.http", "false").build()), EchoService.class);
        assertTrue(line.contains("(WebSocket; HTTP POST off)"), line);
        assertTrue(line.contains("exception mappers: none; JSON-B: defaults"), line);
    }

    /** The INFO line logged for this server, found by its URI among those of servers other tests start. */
    private String startupLine(JsonRpcServer.Builder builder, Class<?>... beanClasses) {
        logger.addHandler(capture);
        try (JsonRpcServer server = builder.beanClasses(beanClasses).start()) {
            String uri = server.uri().toString();
            List<String> lines = records.stream().filter(r -> r.getLevel() == Level.INFO)
                    .map(LogRecord::getMessage).filter(m -> m.contains(" at " + uri + " ")).toList();
            assertEquals(1, lines.size(), "one startup line for " + uri + ": " + lines);
            return lines.get(0);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
