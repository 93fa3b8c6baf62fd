package io.jsonrpcws.it.contracts;

import io.jsonrpcws.it.app.Errand;
import jakarta.json.JsonObject;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Undeploying the application while a call runs: the call finishes and is answered, then the connection is closed
 * with 1001 (going away). The call ({@link Errand}) works for two seconds after it said it started, and the
 * undeployment begins at once, so a container that closed its connections right away would lose the answer.
 *
 * <p>Each target deploys {@link Wars#errand()} by hand and runs {@link #callInFlightIsAnsweredThenTheConnectionGoesAway}
 * from its own test method: a deployment's address can be injected into a test method only once it is deployed.
 */
public abstract class UndeployAnswersCallsInFlightContract {

    /** Undeploys {@link Wars#errand()}; on the test's thread, since Arquillian's deployer keeps its state per thread. */
    protected abstract void undeploy() throws Exception;

    /** The scenario, on the endpoint of {@link Wars#errand()} just deployed. */
    protected void callInFlightIsAnsweredThenTheConnectionGoesAway(URI endpoint) throws Exception {
        try (RpcClient client = RpcClient.connect(endpoint)) {
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"errand.run\",\"id\":1}");
            assertEquals("errand.started", ((JsonObject) RpcClient.parse(client.next())).getString("method"));
            assertFalse(client.hasUnread(), "the call must still be running when the undeployment begins");
            undeploy();
            JsonObject answer = (JsonObject) RpcClient.parse(client.next());
            assertEquals("done", answer.getString("result", null), answer.toString());
            assertEquals(1001, client.awaitClose());
        }
    }
}
