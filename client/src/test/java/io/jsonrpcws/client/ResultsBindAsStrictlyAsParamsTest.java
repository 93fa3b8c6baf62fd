package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.UnusableAnswerException;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Results are bound as strictly as the server binds params: 0.25 or 3000000000 is no Integer (the stage fails
 * naming the method, the type and the JSON), 2.0 is the Integer 2, as the server takes 2.0 for an int and refuses
 * 1.5. Generic results are asked for with a TypeRef, in calls and in batches, whose stages are typed.
 */
class ResultsBindAsStrictlyAsParamsTest {

    public record Item(String name, int count) {
    }

    @JsonRpcService("calc")
    public static class Calc {
        @JsonRpcMethod
        public double divide(double a, double b) {
            return a / b;
        }

        @JsonRpcMethod
        public long big() {
            return 3_000_000_000L;
        }

        @JsonRpcMethod
        public int half(int n) {
            return n / 2;
        }

        @JsonRpcMethod
        public List<Item> items(String prefix) {
            return List.of(new Item(prefix + "-a", 1), new Item(prefix + "-b", 2));
        }

        @JsonRpcMethod
        public Map<String, List<Integer>> groups() {
            return Map.of("odd", List.of(1, 3), "even", List.of(2));
        }
    }

    private static JsonRpcServer server;
    private static JsonRpcClient client;

    @BeforeAll
    static void start() {
        server = JsonRpcServer.builder().host("127.0.0.1").port(0).config(RuntimeConfig.defaults())
                .beanClasses(Calc.class).start();
        client = JsonRpcClient.connect(server.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop();
    }

    @Test
    void aFractionIsNoInteger() {
        Throwable refused = Await.failure(client.call("calc.divide", Integer.class, 1, 4));
        UnusableAnswerException e = assertInstanceOf(UnusableAnswerException.class, refused);
        assertEquals("the result of calc.divide (id " + idOf(e) + ") does not fit java.lang.Integer: expected a whole "
                + "number from -2147483648 to 2147483647; the result was 0.25", e.getMessage());
        assertInstanceOf(UnusableAnswerException.class, Await.failure(client.call("calc.divide", int.class, 3, 2)));
    }

    @Test
    void aNumberOutOfRangeIsRefusedNotWrapped() {
        Throwable refused = Await.failure(client.call("calc.big", Integer.class));
        assertEquals("the result of calc.big (id " + idOf(refused) + ") does not fit java.lang.Integer: expected a whole "
                + "number from -2147483648 to 2147483647; the result was 3000000000", refused.getMessage());
        assertEquals(3_000_000_000L, Await.result(client.call("calc.big", Long.class)));
    }

    @Test
    void aWholeNumberWrittenWithAFractionIsWhole() {
        assertEquals(2, Await.result(client.call("calc.divide", Integer.class, 4, 2)), "2.0 is the whole number 2");
    }

    @Test
    void theServerIsAsStrictWithParams() {
        assertEquals(1, Await.result(client.call("calc.half", Integer.class, 2.0)), "2.0 is taken for an int");
        JsonRpcException refused = assertInstanceOf(JsonRpcException.class,
                Await.failure(client.call("calc.half", Integer.class, 1.5)));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, refused.code());
    }

    @Test
    void aTypeRefAsksForAGenericResult() {
        CompletionStage<List<Item>> items = client.call("calc.items", new TypeRef<List<Item>>() {}, "x");
        List<Item> list = Await.result(items);
        assertEquals(List.of(new Item("x-a", 1), new Item("x-b", 2)), list);

        Map<String, List<Integer>> groups = Await.result(client.call("calc.groups", new TypeRef<Map<String, List<Integer>>>() {}));
        assertEquals(Map.of("odd", List.of(1, 3), "even", List.of(2)), groups);
        assertEquals(new TypeRef<List<Item>>() {}, new TypeRef<List<Item>>() {});
    }

    @Test
    void aBatchsStagesAreTyped() {
        Batch batch = client.batch();
        CompletionStage<Double> quarter = batch.call("calc.divide", Double.class, 1, 4);
        CompletionStage<List<Item>> items = batch.call("calc.items", new TypeRef<List<Item>>() {}, "y");
        CompletionStage<Integer> refused = batch.call("calc.divide", Integer.class, 1, 4);
        batch.send();

        double q = Await.result(quarter);
        assertEquals(0.25, q);
        assertEquals("y-b", Await.result(items).get(1).name());
        assertInstanceOf(UnusableAnswerException.class, Await.failure(refused));
    }

    @Test
    void aTypeRefMustNameAType() {
        assertThrows(IllegalStateException.class, ResultsBindAsStrictlyAsParamsTest::captureTypeVariable);
    }

    private static <T> TypeRef<T> captureTypeVariable() {
        return new TypeRef<T>() {};
    }

    /** The id the client gave the call, as its message tells. */
    private static String idOf(Throwable e) {
        String m = e.getMessage();
        return m.substring(m.indexOf("(id ") + 4, m.indexOf(')'));
    }
}
