package ${package};

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.testkit.JsonRpcTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service on the standalone runtime (127.0.0.1, a free port), called over a real WebSocket. */
@JsonRpcTest(services = Greeter.class)
class GreeterTest {

    @Test
    void greetsByName(JsonRpcClient client) throws Exception {
        String greeting = client.call("greeter.hello", String.class, "Ann").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals("Hello, Ann!", greeting);
    }
}
