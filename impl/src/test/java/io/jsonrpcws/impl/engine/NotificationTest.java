package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A notification is never answered: not when it works, not when it fails, not when nothing is there. */
class NotificationTest {

    public static class Log {
        final List<String> seen = new ArrayList<>();

        @JsonRpcMethod
        public String record(String entry) {
            seen.add(entry);
            return "recorded";
        }

        @JsonRpcMethod
        public void crash(String entry) {
            seen.add(entry);
            throw new IllegalStateException("crash");
        }

        @JsonRpcMethod
        public void refuse(String entry) {
            seen.add(entry);
            throw new JsonRpcException(1, "refused");
        }
    }

    private final Log log = new Log();
    private final JsonRpcEngine engine = Rpc.engine(log);

    @Test
    void notificationsRunAndAnswerNothing() {
        for (String frame : List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"params\":[\"a\"]}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"crash\",\"params\":[\"b\"]}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"refuse\",\"params\":[\"c\"]}",
                "{\"method\":\"record\",\"params\":[\"d\"],\"id\":null}",
                "{\"method\":\"crash\",\"params\":[\"e\"],\"id\":null}")) {
            assertNull(send(engine, frame), frame);
        }
        assertEquals(List.of("a", "b", "c", "d", "e"), log.seen);
    }

    @Test
    void notificationsThatCannotRunAnswerNothing() {
        for (String frame : List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"params\":[1, 2]}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"params\":{\"nope\":1}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"record\"}",
                "{\"method\":\"nosuch\",\"params\":[],\"id\":null}")) {
            assertNull(send(engine, frame), frame);
        }
        assertEquals(List.of(), log.seen);
    }

    @Test
    void invalidRequestsWithoutIdAreAnswered() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\","
                        + "\"data\":\"params must be an array or an object\"},\"id\":null}",
                send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"params\":\"a\"}"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\","
                        + "\"data\":\"method must be a string\"},\"id\":null}",
                send(engine, "{\"jsonrpc\":\"2.0\",\"method\":null}"));
    }
}
