package io.jsonrpcws.it.contracts;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With Bean Validation in the deployment (the container's, or Hibernate Validator added to the standalone runtime),
 * a call whose params violate the method's constraints is answered -32602 with {@code data.violations}, and the
 * method does not run.
 */
public abstract class ConstrainedParamsAreCheckedContract extends JsonRpcTarget {

    private static void assertViolations(String expected, JsonObject answer) {
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"), answer::toString);
        assertEquals(RpcClient.parse("{\"violations\":" + expected + "}"), answer.getJsonObject("error").get("data"));
    }

    @Test
    void violatingCallsAreRefusedBeforeTheMethodRuns() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertViolations("[{\"path\":\"name\",\"message\":\"must not be null\"},"
                            + "{\"path\":\"tags\",\"message\":\"size must be between 2 and 5\"}]",
                    client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"orders.label\",\"params\":[null, [\"a\"]],\"id\":1}"));
            assertViolations("[{\"path\":\"order.customer\",\"message\":\"must not be blank\"},"
                            + "{\"path\":\"order.lines[1].quantity\",\"message\":\"must be greater than or equal to 1\"}]",
                    client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"orders.place\",\"params\":{\"order\":"
                            + "{\"customer\":\"\",\"lines\":[{\"item\":\"tea\",\"quantity\":1},{\"item\":\"cake\",\"quantity\":0}]}},\"id\":2}"));
            assertEquals(0, client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"orders.placed\",\"id\":3}").getInt("result"),
                    "no method ran");
            assertEquals(1, client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"orders.place\",\"params\":[{\"customer\":\"Ann\","
                    + "\"lines\":[{\"item\":\"tea\",\"quantity\":1}]}],\"id\":4}").getInt("result"));
        }
    }
}
