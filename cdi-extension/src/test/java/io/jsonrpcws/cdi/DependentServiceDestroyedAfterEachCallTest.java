package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code @Dependent} service is created for each call and destroyed when the call returns, with its own
 * dependent objects, also when the method throws and for notifications; on both invoker paths.
 */
class DependentServiceDestroyedAfterEachCallTest {

    static final AtomicInteger CREATED = new AtomicInteger();
    static final AtomicInteger DESTROYED = new AtomicInteger();
    static final AtomicInteger HELPERS_DESTROYED = new AtomicInteger();

    @Dependent
    public static class Helper {
        @PreDestroy
        void destroyed() {
            HELPERS_DESTROYED.incrementAndGet();
        }
    }

    @Dependent
    @JsonRpcService
    public static class Worker {
        @Inject
        Helper helper;

        @PostConstruct
        void created() {
            CREATED.incrementAndGet();
        }

        @PreDestroy
        void destroyed() {
            DESTROYED.incrementAndGet();
        }

        /** How many workers are alive while this one works: itself only, if the earlier ones were destroyed. */
        @JsonRpcMethod
        public int alive() {
            return CREATED.get() - DESTROYED.get();
        }

        @JsonRpcMethod
        public void fail() {
            throw new IllegalStateException("deliberately");
        }
    }

    @ParameterizedTest
    @EnumSource(InvokerPath.class)
    void eachCallDestroysItsInstance(InvokerPath path) {
        CREATED.set(0);
        DESTROYED.set(0);
        HELPERS_DESTROYED.set(0);
        try (TestDeployment deployment = TestDeployment.of(path, Worker.class, Helper.class)) {
            for (int i = 1; i <= 3; i++) {
                assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":" + i + "}",
                        deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"alive\",\"id\":" + i + "}"));
                assertEquals(i, DESTROYED.get());
            }
            assertEquals(null, deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"alive\"}"));
            assertEquals(4, DESTROYED.get());
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":5}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":5}"));
            assertEquals(5, CREATED.get());
            assertEquals(5, DESTROYED.get());
            assertEquals(5, HELPERS_DESTROYED.get());
        }
    }
}
