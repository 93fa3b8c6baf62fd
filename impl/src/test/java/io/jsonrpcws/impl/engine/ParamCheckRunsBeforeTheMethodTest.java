package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.model.MethodTable;
import io.jsonrpcws.impl.model.ParamCheck;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import io.jsonrpcws.impl.protocol.ErrorObject;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A method's {@link ParamCheck} sees the bound arguments before the method runs: when it refuses them, its
 * error is the answer and the method does not run; a check that fails is answered -32603 like a failing method.
 */
class ParamCheckRunsBeforeTheMethodTest {

    public static class Shop {
        final List<String> ran = new ArrayList<>();

        @JsonRpcMethod
        public int order(String item, int quantity) {
            ran.add(item + " x" + quantity);
            return quantity;
        }

        @JsonRpcMethod
        public int unchecked(int quantity) {
            ran.add("unchecked " + quantity);
            return quantity;
        }
    }

    private final Shop shop = new Shop();
    private final List<String> checked = new ArrayList<>();

    private final ParamCheck positiveQuantity = args -> {
        checked.add(Arrays.toString(args));
        if ("boom".equals(args[0])) {
            throw new IllegalStateException("the check failed");
        }
        return (int) args[1] > 0 ? null : new ErrorObject(-32602, "Invalid params",
                Json.createObjectBuilder().add("violations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("path", "quantity").add("message", "must be greater than 0"))).build());
    };

    private final JsonRpcEngine<PeerConnection> engine = JsonRpcEngine.<PeerConnection>builder()
            .methods(MethodTable.of(PlainServices.table(new ServiceModel(List.of()), shop).methods().stream()
                    .map(m -> m.name().equals("order") ? m.withParamCheck(positiveQuantity) : m).toList()))
            .build();

    @Test
    void refusedArgumentsAreAnsweredWithTheChecksErrorAndTheMethodDoesNotRun() {
        assertJson("{\"code\":-32602,\"message\":\"Invalid params\",\"data\":{\"violations\":[{\"path\":\"quantity\","
                        + "\"message\":\"must be greater than 0\"}]}}",
                single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"order\",\"params\":[\"tea\", 0],\"id\":1}").get("error"));
        assertEquals(List.of("[tea, 0]"), checked);
        assertEquals(List.of(), shop.ran);
    }

    @Test
    void acceptedArgumentsReachTheMethod() {
        assertJson("3", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"order\",\"params\":{\"quantity\":3,\"item\":\"tea\"},\"id\":1}")
                .get("result"));
        assertEquals(List.of("[tea, 3]"), checked);
        assertEquals(List.of("tea x3"), shop.ran);
    }

    @Test
    void aRefusedNotificationIsDroppedUnanswered() {
        assertNull(Rpc.send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"order\",\"params\":[\"tea\", -1]}"));
        assertEquals(List.of("[tea, -1]"), checked);
        assertEquals(List.of(), shop.ran);
    }

    @Test
    void aFailingCheckIsAnInternalError() {
        assertEquals("Internal error", assertError(-32603, "7",
                single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"order\",\"params\":[\"boom\", 1],\"id\":7}")).getString("message"));
        assertEquals(List.of(), shop.ran);
    }

    @Test
    void methodsWithoutACheckAreNotChecked() {
        assertJson("0", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"unchecked\",\"params\":[0],\"id\":1}").get("result"));
        assertEquals(List.of(), checked);
        assertEquals(List.of("unchecked 0"), shop.ran);
    }
}
