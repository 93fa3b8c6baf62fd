package io.jsonrpcws.impl.model;

import io.jsonrpcws.impl.model.broken.ImpossibleParams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A parameter taking the remaining params that is not last, two of them, one taking the params whole beside
 * other JSON parameters, or {@code @JsonRpcParams} on a type that cannot take them: each is a deployment
 * problem naming the method, all reported together.
 */
class ImpossibleParamDeclarationsFailTogetherTest {

    private static final ServiceModel MODEL = new ServiceModel(List.of());

    @Test
    void everyImpossibleDeclarationIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainServices.table(MODEL, new ImpossibleParams()));
        String c = ImpossibleParams.class.getName();
        List<String> lines = List.of(e.getMessage().split("\n"));
        assertEquals("invalid JSON-RPC services:", lines.get(0));
        assertEquals(List.of(
                c + "#notAList parameter 'values' of type java.util.Set<java.lang.Integer> is annotated @JsonRpcParams, which"
                        + " takes a List<T> or an array (the remaining positional params) or a JsonValue, JsonArray or JsonObject"
                        + " (the params whole)",
                c + "#notLast parameter 'values' takes the remaining params, so it must be the last JSON parameter, but 'label'"
                        + " follows it",
                c + "#twoOfThem has 2 parameters that take the remaining params ('first', 'second'); only one may, the last"
                        + " JSON parameter",
                c + "#wholeAndMore parameter 'params' takes the params whole, so it must be the only JSON parameter, but"
                        + " 'label' is another",
                c + "#wholeFirst parameter 'params' takes the params whole, so it must be the only JSON parameter, but 'more'"
                        + " is another"
        ), lines.subList(1, lines.size()).stream().map(String::strip).sorted().toList());
    }

    @Test
    void theValidMethodIsKept() {
        List<String> problems = new ArrayList<>();
        assertEquals(List.of("fine"), MODEL.describe(ImpossibleParams.class, problems).stream().map(MethodDescription::name).toList());
        assertEquals(5, problems.size(), problems::toString);
    }
}
