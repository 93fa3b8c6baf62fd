package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcCall;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@link JsonRpcCall} parameter receives the call being answered (id with its JSON type, method name
 * with namespace, protocol version) and takes no place among the JSON params.
 */
class JsonRpcCallParameterTest {

    static final List<String> NOTIFIED = new CopyOnWriteArrayList<>();

    @JsonRpcService("info")
    public static class Introspector {
        @JsonRpcMethod
        public String describe(JsonRpcCall call, String label) {
            return label + " " + render(call);
        }

        @JsonRpcMethod
        public void note(String label, JsonRpcCall call) {
            NOTIFIED.add(label + " " + render(call));
        }

        private static String render(JsonRpcCall call) {
            Object id = call.id();
            return (id == null ? "null" : id.getClass().getSimpleName() + ":" + id) + " " + call.method()
                    + " " + call.protocolVersion() + (call.isNotification() ? " notification" : " request");
        }
    }

    @Test
    void callParameterDescribesTheCall() {
        NOTIFIED.clear();
        try (TestDeployment deployment = TestDeployment.of(Introspector.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"a String:abc info.describe 2.0 request\",\"id\":\"abc\"}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"info.describe\",\"params\":[\"a\"],\"id\":\"abc\"}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"b BigDecimal:7 info.describe 2.0 request\",\"id\":7}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"info.describe\",\"params\":{\"label\":\"b\"},\"id\":7}"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"c BigDecimal:1.50 info.describe 2.0 request\",\"id\":1.50}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"info.describe\",\"params\":[\"c\"],\"id\":1.50}"));
            assertEquals("{\"result\":\"d BigDecimal:3 info.describe 1.0 request\",\"error\":null,\"id\":3}",
                    deployment.call("{\"method\":\"info.describe\",\"params\":[\"d\"],\"id\":3}"));

            assertEquals(null, deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"info.note\",\"params\":[\"e\"]}"));
            assertEquals(null, deployment.call("{\"method\":\"info.note\",\"params\":[\"f\"],\"id\":null}"));
            assertEquals(List.of("e null info.note 2.0 notification", "f null info.note 1.0 notification"), NOTIFIED);
        }
    }
}
