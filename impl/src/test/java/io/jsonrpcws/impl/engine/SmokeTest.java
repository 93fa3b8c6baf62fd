package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {

    @JsonRpcService
    public static class Calc {
        @JsonRpcMethod
        public int subtract(int minuend, int subtrahend) {
            return minuend - subtrahend;
        }
        public record P(String name, int age) {}
        @JsonRpcMethod
        public P older(P p, int years) {
            return new P(p.name(), p.age() + years);
        }
    }

    @Test
    void smoke() {
        JsonRpcEngine engine = JsonRpcEngine.builder()
                .methods(PlainServices.table(new ServiceModel(List.of()), new Calc())).build();
        String[] frames = {
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 1}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": {\"subtrahend\": 23, \"minuend\": 42}, \"id\": 3}",
                "{\"params\": {\"subtrahend\": 23, \"minuend\": 42}, \"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"id\": 3.0}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"older\", \"params\": [{\"name\":\"x\",\"age\":3}, 2], \"id\": \"a\"}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"older\", \"params\": [{\"name\":\"x\",\"age\":\"q\"}, 2], \"id\": \"a\"}",
                "[{\"jsonrpc\": \"2.0\", \"method\": \"older\", \"params\": [{\"name\":\"x\",\"age\":\"q\"}, 2], \"id\": \"a\"},{\"method\":\"subtract\",\"params\":[1,2],\"id\":7}, 1]",
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23]}",
                "[]", "[1,2", "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23, 3], \"id\": 1}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, null], \"id\": 1}",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "[1e999999]",
        };
        for (String f : frames) {
            System.out.println(f + "\n  -> " + engine.handle(f, null).toCompletableFuture().join());
        }
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}", engine.handle(frames[0], null).toCompletableFuture().join());
    }
}
