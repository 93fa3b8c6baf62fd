package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ConcurrentModificationException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exception mappers are discovered as CDI beans; for a thrown exception the mapper of the nearest class
 * in its superclass chain answers, whatever the order the container lists the beans in.
 */
class MostSpecificExceptionMapperWinsTest {

    @ApplicationScoped
    public static class IllegalStateMapper implements JsonRpcExceptionMapper<IllegalStateException> {
        @Override
        public JsonRpcException toJsonRpcException(IllegalStateException exception) {
            return new JsonRpcException(1001, "illegal state: " + exception.getMessage());
        }
    }

    /** A {@code @Dependent} bean, the default scope. */
    public static class RuntimeMapper implements JsonRpcExceptionMapper<RuntimeException> {
        @Override
        public JsonRpcException toJsonRpcException(RuntimeException exception) {
            return new JsonRpcException(1000, "runtime: " + exception.getMessage());
        }
    }

    @JsonRpcService
    public static class Faulty {
        @JsonRpcMethod
        public void fail(String kind) throws Exception {
            switch (kind) {
                case "state" -> throw new IllegalStateException("closed");
                case "argument" -> throw new IllegalArgumentException("negative");
                case "io" -> throw new IOException("disk");
                case "rpc" -> throw new JsonRpcException(42, "as thrown");
                default -> throw new ConcurrentModificationException("raced");
            }
        }
    }

    @Test
    void nearestMapperAnswers() {
        try (TestDeployment deployment = TestDeployment.of(Faulty.class, RuntimeMapper.class, IllegalStateMapper.class)) {
            assertEquals(error(1001, "illegal state: closed", 1), deployment.call(call("state", 1)));
            assertEquals(error(1000, "runtime: negative", 2), deployment.call(call("argument", 2)));
            assertEquals(error(1000, "runtime: raced", 3), deployment.call(call("modification", 3)));
            assertEquals(error(42, "as thrown", 4), deployment.call(call("rpc", 4)));
            assertEquals(error(-32603, "Internal error", 5), deployment.call(call("io", 5)));
        }
    }

    private static String call(String kind, int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[\"" + kind + "\"],\"id\":" + id + "}";
    }

    private static String error(int code, String message, int id) {
        return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"},\"id\":" + id + "}";
    }
}
