package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each call, notifications included, runs in a request context of its own: a {@code @RequestScoped} bean
 * injected into an application-scoped service is one instance throughout a call, a fresh one for the
 * next, and destroyed when its call ends; the context is not left active on the thread. On both paths.
 */
class RequestContextActivePerCallTest {

    static final AtomicInteger SERIAL = new AtomicInteger();
    static final List<Integer> DESTROYED = new CopyOnWriteArrayList<>();
    static final List<Integer> NOTIFIED = new CopyOnWriteArrayList<>();

    @RequestScoped
    public static class CallState {
        private int serial;

        @PostConstruct
        void created() {
            serial = SERIAL.incrementAndGet();
        }

        @PreDestroy
        void destroyed() {
            DESTROYED.add(serial);
        }

        public int serial() {
            return serial;
        }
    }

    @JsonRpcService
    public static class Stamper {
        @Inject
        CallState state;

        /** The request's serial, read twice: the same request-scoped instance both times. */
        @JsonRpcMethod
        public List<Integer> stamp() {
            return List.of(state.serial(), state.serial());
        }

        @JsonRpcMethod
        public void record() {
            NOTIFIED.add(state.serial());
        }
    }

    @ParameterizedTest
    @EnumSource(InvokerPath.class)
    void freshRequestScopedInstancePerCall(InvokerPath path) {
        SERIAL.set(0);
        DESTROYED.clear();
        NOTIFIED.clear();
        try (TestDeployment deployment = TestDeployment.of(path, Stamper.class, CallState.class)) {

            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":[1,1],\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"stamp\",\"id\":1}"));
            assertEquals(List.of(1), DESTROYED);
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":[2,2],\"id\":2}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"stamp\",\"id\":2}"));
            assertEquals(List.of(1, 2), DESTROYED);

            assertEquals(null, deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"record\"}"));
            assertEquals(List.of(3), NOTIFIED);
            assertEquals(List.of(1, 2, 3), DESTROYED);

            // a batch: each member is a call of its own
            assertEquals("[{\"jsonrpc\":\"2.0\",\"result\":[4,4],\"id\":4},{\"jsonrpc\":\"2.0\",\"result\":[6,6],\"id\":5}]",
                    deployment.call("[{\"jsonrpc\":\"2.0\",\"method\":\"stamp\",\"id\":4},"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"record\"},"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"stamp\",\"id\":5}]"));
            assertEquals(List.of(3, 5), NOTIFIED);
            assertEquals(List.of(1, 2, 3, 4, 5, 6), DESTROYED);

            assertFalse(deployment.container().getBeanManager().getContexts(RequestScoped.class).stream()
                    .anyMatch(c -> c.isActive()), "no request context left active on the calling thread");
        }
    }
}
