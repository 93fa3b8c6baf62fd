package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A scope declared on a service class wins over the stereotype's {@code @ApplicationScoped}, on both invoker paths. */
class DeclaredServiceScopeWinsTest {

    static final AtomicInteger DEPENDENT_CREATED = new AtomicInteger();
    static final AtomicInteger REQUEST_CREATED = new AtomicInteger();

    @Dependent
    @JsonRpcService("dependent")
    public static class DependentService {
        private int count;

        @PostConstruct
        void created() {
            DEPENDENT_CREATED.incrementAndGet();
        }

        @JsonRpcMethod
        public int next() {
            return ++count;
        }
    }

    @RequestScoped
    @JsonRpcService("request")
    public static class RequestService {
        private int count;

        @PostConstruct
        void created() {
            REQUEST_CREATED.incrementAndGet();
        }

        @JsonRpcMethod
        public int next() {
            return ++count;
        }
    }

    @ParameterizedTest
    @EnumSource(InvokerPath.class)
    void dependentAndRequestScopedServicesGetAnInstancePerCall(InvokerPath path) {
        DEPENDENT_CREATED.set(0);
        REQUEST_CREATED.set(0);
        try (TestDeployment deployment = TestDeployment.of(path, DependentService.class, RequestService.class)) {
            BeanManager beans = deployment.container().getBeanManager();
            assertEquals(Dependent.class, beans.resolve(beans.getBeans(DependentService.class)).getScope());
            assertEquals(RequestScoped.class, beans.resolve(beans.getBeans(RequestService.class)).getScope());

            for (int i = 1; i <= 3; i++) {
                assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":" + i + "}",
                        deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"dependent.next\",\"id\":" + i + "}"));
                assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":" + i + "}",
                        deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"request.next\",\"id\":" + i + "}"));
            }
            assertEquals(3, DEPENDENT_CREATED.get());
            assertEquals(3, REQUEST_CREATED.get());
        }
    }
}
