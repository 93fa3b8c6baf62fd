package io.jsonrpcws.impl.model.broken;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParams;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Set;

/** Parameters that take the remaining params, or all of them, where they cannot. */
public class ImpossibleParams {

    @JsonRpcMethod
    public void notLast(@JsonRpcParams List<Integer> values, String label) {
    }

    @JsonRpcMethod
    public void twoOfThem(@JsonRpcParams List<Integer> first, int... second) {
    }

    @JsonRpcMethod
    public void wholeAndMore(String label, @JsonRpcParams JsonObject params) {
    }

    @JsonRpcMethod
    public void wholeFirst(@JsonRpcParams JsonArray params, int more) {
    }

    @JsonRpcMethod
    public void notAList(@JsonRpcParams Set<Integer> values) {
    }

    @JsonRpcMethod
    public int fine(String label, int... values) {
        return values.length;
    }
}
