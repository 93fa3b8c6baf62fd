package io.jsonrpcws.it.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A {@code @ConnectionScoped} service keeps state per connection; another connection has its own. */
public abstract class ConnectionScopeFollowsTheConnectionContract extends JsonRpcTarget {

    private static String call(String method, int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"tally." + method + "\",\"id\":" + id + "}";
    }

    @Test
    void stateIsKeptPerConnection() {
        try (RpcClient first = RpcClient.connect(endpoint()); RpcClient second = RpcClient.connect(endpoint())) {
            assertEquals(1, first.callForObject(call("increment", 1)).getInt("result"));
            assertEquals(2, first.callForObject(call("increment", 2)).getInt("result"));
            assertEquals(3, first.callForObject(call("increment", 3)).getInt("result"));

            assertEquals(0, second.callForObject(call("current", 1)).getInt("result"));
            assertEquals(1, second.callForObject(call("increment", 2)).getInt("result"));

            assertEquals(3, first.callForObject(call("current", 4)).getInt("result"));
        }
    }

    @Test
    void aNewConnectionStartsAfresh() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            client.callForObject(call("increment", 1));
            client.callForObject(call("increment", 2));
        }
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertEquals(0, client.callForObject(call("current", 1)).getInt("result"));
        }
    }

    @Test
    void membersOfOneBatchShareTheConnectionsInstance() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            var answers = client.call("[" + call("increment", 1) + "," + call("increment", 2) + "," + call("current", 3) + "]")
                    .asJsonArray();
            assertEquals(1, answers.getJsonObject(0).getInt("result"));
            assertEquals(2, answers.getJsonObject(1).getInt("result"));
            assertEquals(2, answers.getJsonObject(2).getInt("result"));
        }
    }
}
