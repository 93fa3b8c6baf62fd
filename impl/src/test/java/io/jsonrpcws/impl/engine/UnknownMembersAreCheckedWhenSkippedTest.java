package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * JSON-B skips the members of an object param that its type does not have. The skipped text is still read
 * as JSON: a frame that ends inside one is a parse error answered at once (the parser's own skip would spin
 * forever on it), and invalid JSON inside one is a parse error too, as anywhere else in the frame.
 */
class UnknownMembersAreCheckedWhenSkippedTest {

    public record Point(int x, int y) {
    }

    public static class Geometry {
        final List<Point> moved = new ArrayList<>();

        @JsonRpcMethod
        public Point move(Point p) {
            moved.add(p);
            return new Point(p.x() + 1, p.y() + 1);
        }
    }

    private final Geometry geometry = new Geometry();
    private final JsonRpcEngine engine = Rpc.engine(geometry);

    private void assertParseError(String frame) {
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Rpc.send(engine, frame), frame);
        assertError(-32700, "null", Rpc.parse(answer).asJsonObject());
    }

    @Test
    void aFrameEndingInsideASkippedMemberIsAParseError() {
        for (String tail : List.of("[1,2", "[[", "{\"a\":[1", "{\"a\":{", "[1,{\"a\":2}")) {
            assertParseError("{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"zz\":" + tail);
        }
    }

    @Test
    void invalidJsonInsideASkippedMemberIsAParseError() {
        for (String bad : List.of("[1 2]", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "[tru]")) {
            assertParseError("{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"zz\":" + bad + ",\"y\":2}],\"id\":1}");
        }
        assertEquals(List.of(), geometry.moved);
    }

    @Test
    void wellFormedUnknownMembersAreSkipped() {
        var answer = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"zz\":[1,{\"a\":[]}],\"q\":{\"b\":{}},\"y\":2}],\"id\":1}");
        Rpc.assertJson("{\"x\":2,\"y\":3}", answer.get("result"));
    }
}
