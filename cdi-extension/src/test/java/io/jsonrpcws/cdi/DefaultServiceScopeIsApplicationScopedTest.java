package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code @JsonRpcService} is a stereotype whose default scope is {@code @ApplicationScoped}: one instance serves every call. */
class DefaultServiceScopeIsApplicationScopedTest {

    static final AtomicInteger CREATED = new AtomicInteger();

    @JsonRpcService
    public static class Counter {
        private int count;

        @PostConstruct
        void created() {
            CREATED.incrementAndGet();
        }

        @JsonRpcMethod
        public synchronized int next() {
            return ++count;
        }
    }

    @Test
    void oneInstanceServesEveryCall() {
        CREATED.set(0);
        try (TestDeployment deployment = TestDeployment.of(Counter.class)) {
            Bean<?> bean = deployment.container().getBeanManager()
                    .resolve(deployment.container().getBeanManager().getBeans(Counter.class));
            assertEquals(ApplicationScoped.class, bean.getScope());

            for (int i = 1; i <= 3; i++) {
                assertEquals("{\"jsonrpc\":\"2.0\",\"result\":" + i + ",\"id\":" + i + "}",
                        deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"next\",\"id\":" + i + "}"));
            }
            assertEquals(1, CREATED.get());
        }
    }
}
