package io.jsonrpcws.impl.fuzz;


import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Invalid JSON inside a member that the param's record does not have is a parse error, like invalid JSON
 * anywhere else in the frame: -32700, id null, for a request and for a notification alike.
 *
 * <p>Found by fuzzing the params (minimized by hand). JSON-B used to skip the unknown member with
 * {@code ReplayParser.skipArray()}, which handed over to Parsson's skip: it counts brackets without checking
 * what is between them, so {@code [1,,2]} passed, the request ran and was answered a result, and the
 * notification got no answer at all. Fixed on main by bd00d57 (members JSON-B skips are read event by event).
 */

class InvalidJsonInsideAnUnknownMemberIsAParseErrorTest {

    private static final String PARSE_ERROR = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";

    @Test
    void aRequestIsAnsweredParseError() {
        String frame = "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"y\":2,\"z\":[1,,2]},3,4],\"id\":1}";
        String answer = Bounded.answer(FoundByFuzzing.ENGINE, frame);
        assertEquals(PARSE_ERROR, answer);
        JsonRpcAnswers.assertValid(frame, answer);
    }

    @Test
    void aNotificationIsAnsweredParseError() {
        String frame = "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"y\":2,\"z\":{\"a\":}},3,4]}";
        String answer = Bounded.answer(FoundByFuzzing.ENGINE, frame);
        assertEquals(PARSE_ERROR, answer);
        JsonRpcAnswers.assertValid(frame, answer);
    }
}
