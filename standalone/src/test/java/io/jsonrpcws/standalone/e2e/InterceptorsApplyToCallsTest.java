package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A CDI interceptor bound to a service method applies when the method is called over the socket. */
class InterceptorsApplyToCallsTest {

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Shouted {
    }

    @Shouted
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class ShoutingInterceptor {
        @AroundInvoke
        Object shout(InvocationContext call) throws Exception {
            Object[] params = call.getParameters();
            params[0] = params[0] + "!";
            call.setParameters(params);
            return call.proceed() instanceof String s ? s.toUpperCase() : null;
        }
    }

    @JsonRpcService("echo")
    public static class Echo {
        @Shouted
        @JsonRpcMethod
        public String loud(String text) {
            return text;
        }

        @JsonRpcMethod
        public String quiet(String text) {
            return text;
        }
    }

    @Test
    void interceptorSeesParamsAndResult() {
        try (JsonRpcServer server = Servers.start(Echo.class, ShoutingInterceptor.class);
             WsClient client = WsClient.connect(server.uri())) {
            assertEquals("HELLO!", client.resultString("echo.loud", "[\"hello\"]"));
            assertEquals("hello", client.resultString("echo.quiet", "[\"hello\"]"), "unbound methods are not intercepted");
        }
    }
}
