package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcSessions;
import io.jsonrpcws.cdi.JsonRpcExtension;
import io.jsonrpcws.cdi.JsonRpcRuntime;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Starting servers for the end-to-end tests, and waiting for what happens on them. */
final class Servers {

    /** How long any wait of these tests lasts at most; only a guard against hangs, never an assertion. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Servers() {
    }

    /** A server on 127.0.0.1 and a free port, deploying exactly these bean classes. */
    static JsonRpcServer start(Class<?>... beanClasses) {
        return start(Map.of(), beanClasses);
    }

    /** A server started with these {@code jsonrpcws.*} settings, the others at their defaults. */
    static JsonRpcServer start(Map<String, String> settings, Class<?>... beanClasses) {
        return JsonRpcServer.builder().host("127.0.0.1").port(0)
                .config(RuntimeConfig.builder().setAll(settings).build())
                .beanClasses(beanClasses).start();
    }

    static JsonRpcRuntime runtime(JsonRpcServer server) {
        return server.cdi().getBeanManager().getExtension(JsonRpcExtension.class).runtime();
    }

    /** The open connections, as a service sees them. */
    static JsonRpcSessions sessions(JsonRpcServer server) {
        return bean(server, JsonRpcSessions.class);
    }

    static <T> T bean(JsonRpcServer server, Class<T> type) {
        return server.cdi().select(type).get();
    }

    /** Polls until the condition holds, failing with the message after {@link #PATIENCE}. */
    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting after " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting: " + what);
            }
        }
    }
}
