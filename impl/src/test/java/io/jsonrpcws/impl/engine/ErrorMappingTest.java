package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.invoke.ExceptionMappers;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A {@link JsonRpcException} is sent as thrown; anything else goes to the most specific mapper, and
 * without one the client gets a bare -32603 that reveals nothing of the exception.
 */
class ErrorMappingTest {

    public static class SpecialStateException extends IllegalStateException {
        public SpecialStateException(String message) {
            super(message);
        }
    }

    public static class MapperFailure extends RuntimeException {
    }

    public static class DeclinedFailure extends RuntimeException {
    }

    public record Detail(String field, List<Integer> allowed) {
    }

    /** JSON-B fails on it. */
    public static class Unwritable {
        public String getValue() {
            throw new IllegalStateException("no");
        }
    }

    public static class Failing {
        @JsonRpcMethod
        public void rpcError() {
            throw new JsonRpcException(-32099, "Quota exceeded", new Detail("calls", List.of(1, 2)));
        }

        @JsonRpcMethod
        public void rpcErrorWithoutData() {
            throw new JsonRpcException(4000, "plain");
        }

        @JsonRpcMethod
        public void rpcErrorWithUnwritableData() {
            throw new JsonRpcException(4001, "kept", new Unwritable());
        }

        @JsonRpcMethod
        public void secret() {
            throw new IllegalArgumentException("password=hunter2");
        }

        @JsonRpcMethod
        public void special() {
            throw new SpecialStateException("special secret");
        }

        @JsonRpcMethod
        public void state() {
            throw new IllegalStateException("state secret");
        }

        @JsonRpcMethod
        public void io() throws IOException {
            throw new IOException("disk secret");
        }

        @JsonRpcMethod
        public void mapperFails() {
            throw new MapperFailure();
        }

        @JsonRpcMethod
        public void mapperDeclines() {
            throw new DeclinedFailure();
        }

        @JsonRpcMethod
        public void error() {
            throw new StackOverflowError("deep secret");
        }
    }

    public static class RuntimeMapper implements JsonRpcExceptionMapper<RuntimeException> {
        @Override
        public JsonRpcException toJsonRpcException(RuntimeException e) {
            return new JsonRpcException(-32010, "runtime", e.getClass().getSimpleName());
        }
    }

    public static class StateMapper implements JsonRpcExceptionMapper<IllegalStateException> {
        @Override
        public JsonRpcException toJsonRpcException(IllegalStateException e) {
            return new JsonRpcException(-32011, "state", Map.of("kind", e.getClass().getSimpleName()));
        }
    }

    public static class OtherStateMapper implements JsonRpcExceptionMapper<IllegalStateException> {
        @Override
        public JsonRpcException toJsonRpcException(IllegalStateException e) {
            return null;
        }
    }

    private static final String INTERNAL = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}";

    private static String call(JsonRpcEngine engine, String method) {
        return send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}");
    }

    private static JsonRpcEngine withMappers(ExceptionMappers mappers) {
        return Rpc.builder(new Failing()).exceptionMappers(mappers).build();
    }

    @Test
    void jsonRpcExceptionIsSentAsThrown() {
        JsonRpcEngine engine = Rpc.engine(new Failing());
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32099,\"message\":\"Quota exceeded\","
                + "\"data\":{\"allowed\":[1,2],\"field\":\"calls\"}},\"id\":1}", call(engine, "rpcError"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":4000,\"message\":\"plain\"},\"id\":1}",
                call(engine, "rpcErrorWithoutData"));
    }

    @Test
    void dataJsonbCannotWriteIsLeftOutAndTheErrorKept() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":4001,\"message\":\"kept\"},\"id\":1}",
                call(Rpc.engine(new Failing()), "rpcErrorWithUnwritableData"));
    }

    @Test
    void otherExceptionsRevealNothing() {
        JsonRpcEngine engine = Rpc.engine(new Failing());
        for (String method : List.of("secret", "special", "state", "io", "error")) {
            String answer = call(engine, method);
            assertEquals(INTERNAL, answer, method);
            for (String leak : List.of("secret", "hunter2", "Exception", "Error\"", "at io.", "java.")) {
                assertFalse(answer.contains(leak), () -> method + " leaked " + leak + ": " + answer);
            }
        }
    }

    @Test
    void mostSpecificMapperWinsWhateverTheOrder() {
        for (ExceptionMappers mappers : List.of(
                ExceptionMappers.builder().add(new RuntimeMapper()).add(new StateMapper()).build(),
                ExceptionMappers.builder().add(new StateMapper()).add(new RuntimeMapper()).build())) {
            JsonRpcEngine engine = withMappers(mappers);
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32011,\"message\":\"state\","
                    + "\"data\":{\"kind\":\"SpecialStateException\"}},\"id\":1}", call(engine, "special"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32011,\"message\":\"state\","
                    + "\"data\":{\"kind\":\"IllegalStateException\"}},\"id\":1}", call(engine, "state"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32010,\"message\":\"runtime\","
                    + "\"data\":\"IllegalArgumentException\"},\"id\":1}", call(engine, "secret"));
            assertEquals(INTERNAL, call(engine, "io"), "no mapper for IOException");
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32099,\"message\":\"Quota exceeded\","
                    + "\"data\":{\"allowed\":[1,2],\"field\":\"calls\"}},\"id\":1}", call(engine, "rpcError"),
                    "a JsonRpcException is never mapped");
        }
    }

    @Test
    void mapperReturningNullOrThrowingGivesInternalError() {
        JsonRpcEngine engine = withMappers(ExceptionMappers.builder()
                .add(DeclinedFailure.class, e -> null)
                .add(MapperFailure.class, e -> {
                    throw new IllegalStateException("mapper secret");
                })
                .build());
        assertEquals(INTERNAL, call(engine, "mapperDeclines"));
        assertEquals(INTERNAL, call(engine, "mapperFails"));
    }

    @Test
    void twoMappersForOneTypeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExceptionMappers.builder().add(new StateMapper()).add(new OtherStateMapper()));
        assertEquals("exception mappers " + StateMapper.class.getName() + " and " + OtherStateMapper.class.getName()
                + " both map java.lang.IllegalStateException", e.getMessage());
    }

    @Test
    void lambdaMapperNeedsItsType() {
        JsonRpcExceptionMapper<RuntimeException> lambda = e -> null;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExceptionMappers.builder().add(lambda));
        assertEquals(lambda.getClass().getName() + " does not declare its exception type: implement"
                + " JsonRpcExceptionMapper<YourException> in a class, or register it with add(Class, mapper)", e.getMessage());
    }
}
