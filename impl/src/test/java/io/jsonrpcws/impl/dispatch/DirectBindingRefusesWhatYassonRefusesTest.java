package io.jsonrpcws.impl.dispatch;

import io.jsonrpcws.impl.dispatch.Corpus.Containers;
import io.jsonrpcws.impl.dispatch.Corpus.Customer;
import io.jsonrpcws.impl.dispatch.Corpus.Optionals;
import io.jsonrpcws.impl.dispatch.Corpus.Person;
import io.jsonrpcws.impl.dispatch.Corpus.Positive;
import io.jsonrpcws.impl.dispatch.Corpus.PublicFields;
import io.jsonrpcws.impl.dispatch.Corpus.Scalars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Type;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What Yasson fails on, the direct binder fails on at the same place, so the client is told the same
 * problem; what the engine's checks refuse before Yasson sees it is refused alike; text that is not JSON is
 * not JSON either way.
 */
class DirectBindingRefusesWhatYassonRefusesTest {

    private static final BothReaders READERS = new BothReaders();

    static Stream<Arguments> corpus() {
        return Stream.of(
                arguments(Customer.class, "{\"id\":1.5}", "refused: at id: expected a whole number from"),
                arguments(Customer.class, "{\"id\":\"1.5\"}", "refused: at id: expected a whole number from"),
                arguments(Customer.class, "{\"id\":null}", "refused: this object is not accepted"),
                arguments(Customer.class, "{\"active\":[true]}", "refused: at active: expected true or false, got an array"),
                arguments(Customer.class, "{\"name\":{}}", "refused: at name: expected a string, got an object"),
                arguments(Customer.class, "{\"address\":[]}", "refused: at address: expected an object, got an array"),
                arguments(Customer.class, "{\"tags\":\"x\",\"name\":\"a\"}", "refused: "),
                arguments(Customer.class, "{\"tags\":\"x\"}", "refused: "),
                arguments(Customer.class, "{\"tags\":5}", "refused: at tags: expected an array, got a number"),
                arguments(Customer.class, "{\"score\":1e999}", "refused: at score: expected a number from"),
                arguments(Customer.class, "{\"score\":true}", "refused: at score: "),
                arguments(Customer.class, "[1]", "refused: expected an object, got an array"),
                arguments(Customer.class, "\"text\"", "refused: expected an object, got a string"),
                arguments(Customer.class, "{\"id\":tru}", "threw jakarta.json.stream.JsonParsingException"),
                arguments(Customer.class, "{\"address\":{\"city\":\"x\"", "threw "),
                arguments(Scalars.class, "{\"i\":99999999999}", "refused: at i: expected a whole number from"),
                arguments(Scalars.class, "{\"i\":\"99999999999\"}", "refused: at i: "),
                arguments(Scalars.class, "{\"i\":true}", "refused: at i: "),
                arguments(Scalars.class, "{\"b\":128}", "refused: at b: "),
                arguments(Scalars.class, "{\"c\":\"ab\"}", "refused: at c: expected a string of one character"),
                arguments(Scalars.class, "{\"color\":\"PURPLE\"}", "refused: at color: "),
                arguments(Scalars.class, "{\"color\":\"red\"}", "refused: at color: "),
                arguments(Scalars.class, "{\"color\":3}", "refused: at color: "),
                arguments(Scalars.class, "{\"big\":1.5}", "refused: at big: "),
                arguments(Scalars.class, "{\"num\":true}", "refused: at num: "),
                arguments(Scalars.class, "{\"d\":\"Infinity\"}", "refused: at d: expected a number from"),
                arguments(Scalars.class, "{\"z\":null}", "refused: "),
                arguments(Containers.class, "{\"ints\":[1,null]}", "refused: "),
                arguments(Containers.class, "{\"ints\":[1.5]}", "refused: at ints[0]: expected a whole number"),
                arguments(Containers.class, "{\"map\":5}", "refused: at map: expected an object, got a number"),
                arguments(Containers.class, "{\"sortedMap\":[{\"key\":null,\"value\":{}}]}", "refused: "),
                arguments(Containers.class, "{\"map\":[{\"value\":1,\"key\":\"a\"}]}", "refused: "),
                arguments(Containers.class, "{\"map\":[{\"key\":[\"x\"],\"value\":1}]}", ""),
                arguments(Containers.class, "{\"sorted\":[\"a\",null]}", "refused: "),
                arguments(Containers.class, "{\"nested\":[\"x\",\"y\"]}", "refused: "),
                arguments(Optionals.class, "{\"i\":[1]}", "refused: at i: "),
                arguments(Optionals.class, "{\"i\":1.5}", "refused: at i: "),
                arguments(Positive.class, "{\"n\":-1}", "refused: this object is not accepted"),
                arguments(Person.class, "{\"age\":201}", "refused: at age: "),
                arguments(Person.class, "{\"age\":null}", "refused: at age: "),
                arguments(Person.class, "{\"addresses\":[{\"city\":[]}]}", "refused: at addresses[0].city: "),
                arguments(PublicFields.class, "{\"count\":null}", "refused: at count: "),
                arguments(PublicFields.class, "{\"initial\":\"\"}", "refused: at initial: "));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void refusesAsYasson(Type type, String json, String start) {
        READERS.assertAlike(type, json);
        String outcome = BothReaders.outcome(READERS.direct, type, json);
        assertFalse(outcome.startsWith("value") && !start.isEmpty(), outcome);
        assertEquals(start, outcome.substring(0, Math.min(start.length(), outcome.length())), outcome);
    }
}
