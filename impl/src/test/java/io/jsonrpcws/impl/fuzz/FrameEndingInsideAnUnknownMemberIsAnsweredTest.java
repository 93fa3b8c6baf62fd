package io.jsonrpcws.impl.fuzz;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A frame that ends inside a member the param's record does not have is answered -32700 at once.
 *
 * <p>Found by fuzzing the params (minimized by hand). JSON-B used to skip the unknown member with Parsson's
 * bracket-counting skip, which never returns when the text ends inside the skipped value: the thread that
 * read the frame (on a WebSocket, the transport's own reading thread) spun at full CPU forever and nothing
 * was answered, each such frame costing the server a thread and a core for good. Fixed on main by bd00d57.
 */

class FrameEndingInsideAnUnknownMemberIsAnsweredTest {

    @Test
    void anUnterminatedUnknownArrayIsAParseError() {
        String answer = Bounded.answer(FoundByFuzzing.ENGINE, "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"z\":[[[");
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}", answer);
    }

    @Test
    void anUnterminatedUnknownObjectIsAParseError() {
        String answer = Bounded.answer(FoundByFuzzing.ENGINE, "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"z\":{\"a\":[");
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}", answer);
    }
}
