package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.UnusableAnswerException;
import io.jsonrpcws.client.JsonRpcClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client's answer that cannot be bound to the type the service asked for fails the service's stage with
 * {@link UnusableAnswerException} saying what was asked (not a -32700 parse error), and the connection goes on.
 */
@JsonRpcTest(services = UnusableAnswerFailsTheServersCallTest.Asker.class)
class UnusableAnswerFailsTheServersCallTest {

    @JsonRpcService("asker")
    public static class Asker {
        @JsonRpcMethod
        public CompletionStage<String> askAge(JsonRpcSession client) {
            return client.request("client.age", Integer.class).handle((age, failure) -> failure == null
                    ? "age " + age
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
    }

    /** Answers the server's question with words where a number was asked. */
    public static class Vague {
        @JsonRpcMethod("client.age")
        public String age() {
            return "old enough";
        }
    }

    @Test
    void theServersStageFailsClearly(URI uri) {
        try (JsonRpcClient client = JsonRpcClient.builder(uri).handlers(new Vague()).connect()) {
            String outcome = Await.result(client.call("asker.askAge", String.class));
            assertEquals("UnusableAnswerException: the result of client.age (id 1) does not fit java.lang.Integer: expected "
                    + "a whole number from -2147483648 to 2147483647, got a string; the result was \"old enough\"", outcome);
            assertEquals(outcome.replace("(id 1)", "(id 2)"), Await.result(client.call("asker.askAge", String.class)),
                    "the connection goes on");
        }
    }
}
