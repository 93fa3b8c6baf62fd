package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With Bean Validation on the class path (Hibernate Validator), constraints on the params of service methods are
 * checked before the call: a call that violates them is answered -32602 with every violation in
 * {@code data.violations}, paths in the params' names, and the method does not run.
 */
class ConstrainedParamsAreCheckedBeforeTheCallTest {

    public record Line(@NotBlank String item, @Min(1) int quantity) {
    }

    public record Order(@NotBlank String customer, @Size(min = 1) List<@Valid Line> lines) {
    }

    /** What the services ran; static, as each scope has its own instances. */
    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @JsonRpcService("shop")
    public static class Shop {
        @JsonRpcMethod
        public String greet(@NotNull String name, @Size(min = 2, max = 5) List<String> tags) {
            RAN.add("greet " + name);
            return name + tags;
        }

        @JsonRpcMethod
        public int order(@Valid Order order) {
            RAN.add("order " + order.customer());
            return order.lines().size();
        }
    }

    @Dependent
    @JsonRpcService("counter")
    public static class Counter {
        @JsonRpcMethod
        public int add(@Min(0) int a, @Min(0) int b) {
            RAN.add("add");
            return a + b;
        }
    }

    private static String call(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}";
    }

    private static void assertViolations(String expected, JsonObject answer) {
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"), answer::toString);
        assertEquals(WsClient.parse("{\"violations\":" + expected + "}"), answer.getJsonObject("error").get("data"));
    }

    @Test
    void violationsAreAnsweredAndTheMethodDoesNotRun() {
        RAN.clear();
        try (JsonRpcServer server = Servers.start(Shop.class, Counter.class);
             WsClient client = WsClient.connect(server.uri())) {
            assertViolations("[{\"path\":\"name\",\"message\":\"must not be null\"},"
                            + "{\"path\":\"tags\",\"message\":\"size must be between 2 and 5\"}]",
                    client.call(call("shop.greet", "[null, [\"a\"]]")));
            assertViolations("[{\"path\":\"tags\",\"message\":\"size must be between 2 and 5\"}]",
                    client.call(call("shop.greet", "{\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"],\"name\":\"Ann\"}")));
            assertViolations("[{\"path\":\"order.customer\",\"message\":\"must not be blank\"},"
                            + "{\"path\":\"order.lines[1].item\",\"message\":\"must not be blank\"},"
                            + "{\"path\":\"order.lines[1].quantity\",\"message\":\"must be greater than or equal to 1\"}]",
                    client.call(call("shop.order", "[{\"customer\":\" \",\"lines\":[{\"item\":\"tea\",\"quantity\":2},"
                            + "{\"item\":\"\",\"quantity\":0}]}]")));
            assertViolations("[{\"path\":\"order.lines\",\"message\":\"size must be between 1 and 2147483647\"}]",
                    client.call(call("shop.order", "[{\"customer\":\"Ann\",\"lines\":[]}]")));
            assertViolations("[{\"path\":\"b\",\"message\":\"must be greater than or equal to 0\"}]",
                    client.call(call("counter.add", "[1, -1]")));
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"counter.add\",\"params\":[-1, 1]}");
            assertEquals(List.of(), RAN, "no method ran");

            assertEquals("\"Ann[a, b]\"", client.result("shop.greet", "[\"Ann\", [\"a\", \"b\"]]").toString());
            assertEquals("1", client.result("shop.order", "[{\"customer\":\"Ann\",\"lines\":[{\"item\":\"tea\",\"quantity\":1}]}]").toString());
            assertEquals("3", client.result("counter.add", "[1, 2]").toString());
            assertEquals(List.of("greet Ann", "order Ann", "add"), RAN);
        }
    }
}
