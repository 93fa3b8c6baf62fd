package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An interceptor bound to a service method runs around JSON-RPC calls of it, as around a direct call,
 * on both invoker paths, for a normal-scoped and for a {@code @Dependent} service.
 */
class InterceptorAppliesToServiceMethodTest {

    static final List<String> INTERCEPTED = new CopyOnWriteArrayList<>();

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Bracketed {
    }

    @Bracketed
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class BracketInterceptor {
        @AroundInvoke
        Object bracket(InvocationContext context) throws Exception {
            INTERCEPTED.add(context.getMethod().getName());
            return "[" + context.proceed() + "]";
        }
    }

    @JsonRpcService("app")
    public static class Shouter {
        @Bracketed
        @JsonRpcMethod
        public String shout(String text) {
            return text.toUpperCase();
        }

        @JsonRpcMethod
        public String whisper(String text) {
            return text.toLowerCase();
        }
    }

    @jakarta.enterprise.context.Dependent
    @Bracketed
    @JsonRpcService("dependent")
    public static class DependentShouter {
        @JsonRpcMethod
        public String shout(String text) {
            return text.toUpperCase();
        }
    }

    @ParameterizedTest
    @EnumSource(InvokerPath.class)
    void interceptorWrapsTheCall(InvokerPath path) {
        INTERCEPTED.clear();
        try (TestDeployment deployment = TestDeployment.of(path,
                BracketInterceptor.class, Shouter.class, DependentShouter.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"[HEY]\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"app.shout\",\"params\":[\"hey\"],\"id\":1}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"hey\",\"id\":2}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"app.whisper\",\"params\":[\"HEY\"],\"id\":2}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"[HO]\",\"id\":3}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"dependent.shout\",\"params\":[\"ho\"],\"id\":3}"));
            assertEquals(List.of("shout", "shout"), INTERCEPTED);
        }
    }
}
