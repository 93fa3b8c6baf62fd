package io.jsonrpcws.it.contracts;

import io.jsonrpcws.it.mapped.OverdrawnMapper;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application's beans customise the runtime: its exception mapper answers its exception with the mapper's
 * code, and its {@code JsonbConfig} (snake_case) writes results. Target: the application of {@link Wars#mapped()}
 * (or {@link Wars#mappedInLibrary()}).
 */
public abstract class MappersAndJsonbApplyContract extends JsonRpcTarget {

    @Test
    void applicationExceptionIsAnsweredByItsMapper() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            JsonObject answer = client.callForObject(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"ledger.withdraw\",\"params\":[5],\"id\":1}");
            JsonObject error = answer.getJsonObject("error");
            assertEquals(OverdrawnMapper.CODE, error == null ? null : error.getInt("code"), answer.toString());
            assertEquals("cannot withdraw 5", error.getString("message"));
        }
    }

    @Test
    void resultIsWrittenWithTheApplicationsJsonbConfig() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            JsonObject answer = client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"ledger.entry\",\"id\":1}");
            JsonObject result = answer.getJsonObject("result");
            assertEquals("{\"account_name\":\"Eve\",\"amount\":42}", String.valueOf(result), answer.toString());
        }
    }
}
