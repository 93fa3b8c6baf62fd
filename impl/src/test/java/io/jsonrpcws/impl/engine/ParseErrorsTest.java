package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text that is not JSON answers one -32700 with id null, wherever the fault is: also inside values the
 * engine reads past without binding (unknown members, params of an unknown method, params after a
 * binding error), and in frames that end inside such a value.
 */
class ParseErrorsTest {

    public static class Echo {
        @JsonRpcMethod
        public String echo(String s) {
            return s;
        }
    }

    private final JsonRpcEngine engine = Rpc.engine(new Echo());

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            " ",
            "{",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1} {}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"params\":[1 2],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"params\":{\"a\" 1},\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"params\":[1,",
            "{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"params\":{\"a\":[",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"extra\":[1,,2],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"extra\":{\"a\":[}],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"extra\":[",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\", [1 2]],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\", [1,",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"nope\":[1 2]},\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"nope\":1,\"s\":[1 2]},\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"id\":[1 2],\"method\":\"echo\",\"params\":[\"x\"]}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1,\"jsonrpc\":{\"a\" 1}}",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}, [1 2]]",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}, [1,",
            "{'jsonrpc':'2.0','method':'echo','params':['x'],'id':1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":01}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[NaN],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"\\x\"],\"id\":1}",
    })
    void notJsonIsAParseError(String frame) {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}", send(engine, frame));
    }
}
