package io.jsonrpcws.impl.fuzz;


import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A whole number written with a fraction and an exponent whose scale comes to zero ({@code 1.5e1},
 * {@code -5E0}, {@code 3659174697238528e0}) binds to an {@code int} or {@code long} param, or a record's
 * {@code int} member, as the engine's {@code StrictNumbers} promises for {@code 1e3}; the engine never throws
 * out of {@code handle}.
 *
 * <p>Found by fuzzing the params ({@code "params":[132719224,3659174697238528e0,0]} for an {@code int}).
 * {@code StrictNumbers.whole} took Parsson's {@code isIntegralNumber()} (its {@code BigDecimal}'s scale is
 * 0, true for all three) and a lexeme of at most 18 characters as leave to call {@code Long.parseLong} on the
 * lexeme, which threw {@code NumberFormatException} on the {@code .} or the {@code e}. ({@code 1e3} escapes:
 * its scale is -3.) Nothing caught it: {@code JsonRpcEngine.handle} threw, so a WebSocket connection was
 * closed with 1011 and an HTTP request answered 500, instead of a result; in a record's member the shape walk
 * caught it and answered -32602 "this number is not accepted" instead of binding 25. Fixed on main by 36908f8
 * (only plain digits take the fast path).
 */
class WholeNumbersWithAnExponentBindToIntegersTest {

    @Test
    void anIntParamTakesOnePointFiveEOne() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"x\":16,\"y\":2},\"id\":1}", Bounded.answer(FoundByFuzzing.ENGINE,
                "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":1,\"y\":2},1.5e1,0],\"id\":1}"));
    }

    @Test
    void aLongParamByNameTakesMinusFiveEZero() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":-10,\"id\":1}", Bounded.answer(FoundByFuzzing.ENGINE,
                "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":{\"n\":-5E0},\"id\":1}"));
    }

    @Test
    void aRecordsIntMemberTakesTwoPointFiveEOne() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"x\":25,\"y\":2},\"id\":1}", Bounded.answer(FoundByFuzzing.ENGINE,
                "{\"jsonrpc\":\"2.0\",\"method\":\"move\",\"params\":[{\"x\":2.5e1,\"y\":2},0,0],\"id\":1}"));
    }
}
