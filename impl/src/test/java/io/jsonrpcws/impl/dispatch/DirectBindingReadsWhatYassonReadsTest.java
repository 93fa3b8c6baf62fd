package io.jsonrpcws.impl.dispatch;

import io.jsonrpcws.impl.dispatch.Corpus.Address;
import io.jsonrpcws.impl.dispatch.Corpus.Color;
import io.jsonrpcws.impl.dispatch.Corpus.Containers;
import io.jsonrpcws.impl.dispatch.Corpus.Customer;
import io.jsonrpcws.impl.dispatch.Corpus.Employee;
import io.jsonrpcws.impl.dispatch.Corpus.Node;
import io.jsonrpcws.impl.dispatch.Corpus.Optionals;
import io.jsonrpcws.impl.dispatch.Corpus.Person;
import io.jsonrpcws.impl.dispatch.Corpus.PublicFields;
import io.jsonrpcws.impl.dispatch.Corpus.Scalars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The direct binder reads valid and odd JSON to what Yasson reads from it: the same values, of the same
 * classes (ArrayList, HashSet, TreeSet, HashMap, TreeMap...), missing members defaulted alike, unknown ones
 * skipped, the last of two alike members winning, numbers and text converted alike, and leaves the parser
 * at the same place.
 */
class DirectBindingReadsWhatYassonReadsTest {

    private static final BothReaders READERS = new BothReaders();

    static final String CUSTOMER = "{\"id\":1234567,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\",\"active\":true,"
            + "\"score\":98.25,\"tags\":[\"analytical-engine\",\"mathematics\"],"
            + "\"address\":{\"street\":\"12 St James's Square\",\"city\":\"London\",\"postalCode\":\"SW1Y 4JH\","
            + "\"country\":\"United Kingdom\"},\"notes\":\"Augusta Ada King\"}";

    static Stream<Arguments> corpus() {
        return Stream.of(
                arguments(Customer.class, CUSTOMER),
                arguments(Customer.class, "{}"),
                arguments(Customer.class, "null"),
                arguments(Customer.class, "{\"id\":1,\"id\":2,\"name\":\"a\",\"name\":null}"),
                arguments(Customer.class, "{\"ID\":1,\"Name\":\"a\",\"extra\":{\"a\":[1,{\"b\":2}]},\"more\":[[]],\"x\":null}"),
                arguments(Customer.class, "{\"address\":null,\"tags\":null,\"score\":\"1.5\",\"active\":\"yes\"}"),
                arguments(Customer.class, "{\"tags\":[null,\"a\",null],\"address\":{}}"),
                arguments(Customer.class, "{\"id\":2.0,\"score\":1e2,\"active\":false}"),
                arguments(Customer.class, "{\"id\":\"42\",\"score\":-0.0}"),
                arguments(Scalars.class, "{\"i\":1,\"l\":-9223372036854775808,\"s\":32767,\"b\":-128,\"d\":1.7976931348623157E308,"
                        + "\"f\":3.4e38,\"z\":true,\"c\":\"x\",\"bi\":-1,\"bl\":1e3,\"bs\":2.0,\"bb\":1e1,\"bd\":0.1,"
                        + "\"bf\":1.1,\"bz\":false,\"bc\":\"\\u00e9\",\"str\":\"s\",\"dec\":1.10,"
                        + "\"big\":123456789012345678901234567890,\"num\":1.50,\"color\":\"GREEN\"}"),
                arguments(Scalars.class, "{\"i\":\"12\",\"l\":\"-5\",\"s\":\"7\",\"b\":\"8\",\"d\":\"NaN1\",\"z\":\"TRUE\","
                        + "\"c\":7,\"str\":12.50,\"dec\":\"2.5e3\",\"big\":\"77\",\"num\":\"3\",\"bz\":\"no\"}"),
                arguments(Scalars.class, "{\"str\":true,\"c\":true,\"bc\":false,\"z\":\"1\",\"dec\":1e400,\"num\":-0}"),
                arguments(Scalars.class, "{\"bi\":null,\"bl\":null,\"bs\":null,\"bb\":null,\"bd\":null,\"bf\":null,\"bz\":null,"
                        + "\"bc\":null,\"str\":null,\"dec\":null,\"big\":null,\"num\":null,\"color\":null}"),
                arguments(Scalars.class, "{\"d\":\"1e5\",\"f\":\"-2.5\",\"bd\":\"0x1p3\"}"),
                arguments(Containers.class, "{\"list\":[\"a\",\"b\"],\"coll\":[3,1,2],\"set\":[\"b\",\"a\",\"b\"],"
                        + "\"sorted\":[\"b\",\"c\",\"a\"],\"queue\":[5,4],\"linked\":[\"x\"],\"ordered\":[\"z\",\"y\",\"z\"],"
                        + "\"ints\":[1,\"2\",3.0],\"longs\":[],\"doubles\":[1.5,2],\"bools\":[true,\"x\"],\"chars\":[\"a\",1],"
                        + "\"bytes\":[1,-2],\"shorts\":[300],\"floats\":[0.5],\"strings\":[\"q\",null],"
                        + "\"addresses\":[{\"city\":\"Paris\"},null],\"nested\":[[1],[],null,[2,3]],"
                        + "\"map\":{\"b\":2,\"a\":1,\"b\":3},\"sortedMap\":{\"z\":{\"city\":\"Z\"},\"a\":null},"
                        + "\"linkedMap\":{\"k2\":\"v2\",\"k1\":\"v1\"},\"concurrentMap\":{\"x\":1},"
                        + "\"mapOfLists\":{\"l\":[{\"street\":\"s\"}]},\"colors\":[\"RED\",null,\"BLUE\"]}"),
                arguments(Containers.class, "{\"map\":[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2}],"
                        + "\"sortedMap\":[],\"linkedMap\":{},\"mapOfLists\":[{\"key\":\"k\",\"value\":[]}]}"),
                arguments(Containers.class, "{\"map\":[1,2],\"linkedMap\":[{\"key\":null,\"value\":\"n\"}]}"),
                arguments(Containers.class, "{\"nested\":[\"x\",[4]]}"),
                arguments(Optionals.class, "{\"s\":\"v\",\"a\":{\"city\":\"c\"},\"i\":1,\"l\":\"2\",\"d\":3,\"list\":[1]}"),
                arguments(Optionals.class, "{\"s\":null,\"a\":null,\"i\":null,\"l\":null,\"d\":null,\"list\":null}"),
                arguments(Optionals.class, "{}"),
                arguments(Node.class, "{\"name\":\"root\",\"children\":[{\"name\":\"a\",\"children\":[{\"name\":\"b\"}]},{}]}"),
                arguments(Person.class, "{\"name\":\"Ann\",\"age\":30,\"member\":true,\"addresses\":[{\"city\":\"X\"}],"
                        + "\"scores\":{\"m\":1.5,\"n\":null},\"unknown\":[1]}"),
                arguments(Person.class, "{\"age\":\"31\",\"age\":32,\"Name\":\"ignored\"}"),
                arguments(Employee.class, "{\"name\":\"Bob\",\"team\":\"RED\",\"badge\":\"B-1\",\"age\":40}"),
                arguments(PublicFields.class, "{\"label\":\"l\",\"count\":5,\"tree\":{\"name\":\"t\"},\"initial\":\"i\"}"),
                arguments(PublicFields.class, "{\"tree\":null,\"initial\":null,\"count\":\"6\"}"),
                arguments(Types.of("customers"), "[" + CUSTOMER + ",null,{}]"),
                arguments(Types.of("addresses"), "{\"home\":{\"city\":\"a\"},\"work\":null}"),
                arguments(Types.of("addresses"), "[{\"key\":\"home\",\"value\":{\"city\":\"a\"}}]"),
                arguments(Types.of("maybeAddress"), "{\"city\":\"m\"}"),
                arguments(Types.of("maybeAddress"), "null"),
                arguments(Types.of("sorted"), "{\"b\":1,\"a\":2}"),
                arguments(Types.of("colors"), "[\"BLUE\",\"RED\",\"BLUE\"]"),
                arguments(Types.of("intArrays"), "[[1,2],[],null]"),
                arguments(int[].class, "[1,2,3]"),
                arguments(Address[].class, "[{\"city\":\"a\"}]"),
                arguments(Color.class, "\"RED\""),
                arguments(BigDecimal.class, "1.000"),
                arguments(BigInteger.class, "\"12\""),
                arguments(double.class, "2.5"),
                arguments(float.class, "\"1.25\""),
                arguments(char.class, "\"c\""),
                arguments(short.class, "1e2"),
                arguments(byte.class, "-1.0"),
                arguments(Number.class, "17"));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void readsAsYasson(Type type, String json) {
        assertTrue(READERS.direct.direct(type), () -> type.getTypeName() + " should be bound directly");
        READERS.assertAlike(type, json);
    }
}
