package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParam;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.api.Test;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which JSON-RPC names reach which Java methods, and which names reach nothing. */
class MethodNamingTest {

    @JsonRpcService("calc")
    public static class Calculator {
        @JsonRpcMethod
        public int add(int a, int b) {
            return a + b;
        }

        @JsonRpcMethod("minus")
        public int subtract(@JsonRpcParam("from") int minuend, @JsonRpcParam("take") int subtrahend) {
            return minuend - subtrahend;
        }

        public int multiply(int a, int b) {
            return a * b;
        }
    }

    @JsonRpcService
    public static class Module {
        @JsonRpcMethod("mymodule.rpc.ping")
        public String ping() {
            return "pong";
        }
    }

    public static class Base {
        @JsonRpcMethod
        public String inherited() {
            return "base";
        }
    }

    public static class Derived extends Base {
        @JsonRpcMethod
        public String own() {
            return "derived";
        }
    }

    private final JsonRpcEngine engine = Rpc.engine(new Calculator(), new Module(), new Derived());

    private String call(String method, String params) {
        return send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}");
    }

    @Test
    void namespacePrefixesTheMethodName() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}", call("calc.add", "[1,2]"));
        assertError(-32601, "1", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1}"));
    }

    @Test
    void explicitNamesAndParamNames() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}", call("calc.minus", "{\"take\":3,\"from\":10}"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}", call("calc.minus", "[10,3]"));
        assertEquals("minuend", assertError(-32602, "1", single(engine,
                "{\"jsonrpc\":\"2.0\",\"method\":\"calc.minus\",\"params\":{\"minuend\":10,\"take\":3},\"id\":1}"))
                .getJsonObject("data").getString("parameter"), "the Java name is not the JSON-RPC name");
        assertError(-32601, "1", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.subtract\",\"params\":[10,3],\"id\":1}"));
    }

    @Test
    void dotsAndRpcInsideANameAreAllowed() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"pong\",\"id\":1}", call("mymodule.rpc.ping", "[]"));
    }

    @Test
    void inheritedAnnotatedMethodsAreCallable() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"base\",\"id\":1}", call("inherited", "[]"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"derived\",\"id\":1}", call("own", "[]"));
    }

    @Test
    void unannotatedAndObjectMethodsAreNotCallable() {
        for (String name : new String[] {"calc.multiply", "multiply", "toString", "calc.toString", "hashCode", "getClass",
                "wait", "notify", "calc.add ", "Calc.add", ""}) {
            assertError(-32601, "1", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"" + name + "\",\"params\":[],\"id\":1}"));
        }
    }

    @Test
    void reservedRpcNamesAreNotFound() {
        for (String name : new String[] {"rpc.discover", "rpc.ping", "rpc."}) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}",
                    call(name, "[]"));
        }
    }
}
