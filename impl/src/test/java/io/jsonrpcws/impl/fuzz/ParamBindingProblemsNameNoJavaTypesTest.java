package io.jsonrpcws.impl.fuzz;


import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An ill-typed param is answered -32602 whose {@code data.problem} says what JSON was expected, naming no
 * Java class: neither the parameter's generic type ({@code java.util.List<java.lang.Double>}) nor JSON-B's
 * message ("Incorrect position for processing type: interface java.util.List. Received event: ...").
 *
 * <p>Found by fuzzing the params in the first seconds: {@code ParamBinder} used to write the type's
 * {@code getTypeName()} and the first line of JSON-B's exception into the problem. Fixed on main by 4b3eccd
 * (-32602 speaks JSON).
 */

class ParamBindingProblemsNameNoJavaTypesTest {

    @Test
    void aBooleanForAListOfDoublesIsToldInJsonTerms() {
        String answer = Bounded.answer(FoundByFuzzing.ENGINE, "{\"jsonrpc\":\"2.0\",\"method\":\"mean\",\"params\":[false],\"id\":1}");
        JsonObject error = JsonRpcAnswers.parseOrNull(answer).asJsonObject().getJsonObject("error");
        assertEquals(-32602, error.getInt("code"));
        String problem = error.getJsonObject("data").getString("problem");
        assertFalse(problem.contains("java."), problem);
        assertFalse(problem.contains("Received event"), problem);
    }
}
