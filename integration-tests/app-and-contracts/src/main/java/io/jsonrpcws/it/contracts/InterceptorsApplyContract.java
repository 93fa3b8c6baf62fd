package io.jsonrpcws.it.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An interceptor bound to a service method runs around the call, as on a direct call; others are untouched. */
public abstract class InterceptorsApplyContract extends JsonRpcTarget {

    @Test
    void interceptedMethodsResultIsWrapped() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            assertEquals("audited(HEY)", client.callForObject(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"shouter.shout\",\"params\":[\"hey\"],\"id\":1}").getString("result"));
            assertEquals("hey", client.callForObject(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"shouter.whisper\",\"params\":[\"HEY\"],\"id\":2}").getString("result"));
        }
    }
}
