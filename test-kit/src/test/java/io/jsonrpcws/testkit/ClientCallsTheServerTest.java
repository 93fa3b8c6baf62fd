package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.examples.Calculator;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The client's calls, notifications and typed proxies reach the server's methods and bring their answers back. */
@JsonRpcTest(services = {Calculator.class, ClientCallsTheServerTest.Notes.class})
class ClientCallsTheServerTest {

    @JsonRpcService("notes")
    public static class Notes {
        private final List<String> kept = new CopyOnWriteArrayList<>();

        @JsonRpcMethod
        public void keep(String note) {
            kept.add(note);
        }

        @JsonRpcMethod
        public List<String> all() {
            return List.copyOf(kept);
        }
    }

    /** The server's methods as the client sees them. */
    @JsonRpcService("calc")
    interface CalculatorApi {
        @JsonRpcMethod
        CompletionStage<Double> add(double a, double b);

        @JsonRpcMethod
        CompletionStage<Double> divide(double dividend, double divisor);
    }

    @JsonRpcService("notes")
    interface NotesApi {
        @JsonRpcMethod
        void keep(String note);
    }

    @Test
    void aCallCompletesWithItsResultBoundToTheType(JsonRpcClient client) {
        assertEquals(3.0, Await.result(client.call("calc.add", Double.class, 1, 2)));
    }

    @Test
    void aTimedCallTakesAGenericResultType(JsonRpcClient client) {
        client.notify("notes.keep", "first");
        Type listOfStrings = new ArrayList<String>() { }.getClass().getGenericSuperclass();
        Await.until("the notification is kept", () -> Await.<List<String>>result(
                client.call(Duration.ofSeconds(10), "notes.all", listOfStrings)).contains("first"));
    }

    @Test
    void anErrorAnswerFailsTheStageWithItsCodeAndMessage(JsonRpcClient client) {
        JsonRpcException e = assertInstanceOf(JsonRpcException.class,
                Await.failure(client.call("calc.divide", Double.class, 1, 0)));
        assertEquals(Calculator.ARITHMETIC_ERROR, e.code());
        assertEquals("division by zero", e.getMessage());
    }

    @Test
    void anUnknownMethodFailsWithMethodNotFound(JsonRpcClient client) {
        JsonRpcException e = assertInstanceOf(JsonRpcException.class,
                Await.failure(client.call("calc.sqrt", Double.class, 4)));
        assertEquals(JsonRpcErrorCodes.METHOD_NOT_FOUND, e.code());
    }

    @Test
    void aVoidResultIsNull(JsonRpcClient client) {
        assertNull(Await.result(client.call("notes.keep", Void.class, "void")));
    }

    @Test
    void aTypedProxyCallsAndNotifies(JsonRpcClient client, JsonRpcServer server) {
        CalculatorApi calc = client.remote(CalculatorApi.class);
        assertEquals(5.0, Await.result(calc.add(2, 3)));
        assertEquals(Calculator.ARITHMETIC_ERROR,
                assertInstanceOf(JsonRpcException.class, Await.failure(calc.divide(1, 0))).code());

        client.remote(NotesApi.class).keep("by proxy");
        Notes notes = server.cdi().select(Notes.class).get();
        Await.until("the proxy's notification is kept", () -> notes.all().contains("by proxy"));
    }
}
