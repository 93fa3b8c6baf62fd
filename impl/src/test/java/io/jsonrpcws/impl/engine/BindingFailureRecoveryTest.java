package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jsonrpcws.impl.engine.Rpc.assertError;
import static io.jsonrpcws.impl.engine.Rpc.assertJson;
import static io.jsonrpcws.impl.engine.Rpc.batch;
import static io.jsonrpcws.impl.engine.Rpc.send;
import static io.jsonrpcws.impl.engine.Rpc.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * When JSON-B fails in the middle of a value (an ill-typed member deep in a record), the engine reads on past
 * the rest of that value, in the same single pass, to find the id and the rest of the envelope, and a batch
 * goes on with its later members.
 */
class BindingFailureRecoveryTest {

    public record Address(String city, int zip) {
    }

    public record Person(String name, int age, List<Address> addresses) {
    }

    public static class People {
        final List<String> ran = new ArrayList<>();

        @JsonRpcMethod
        public String greet(Person person, String greeting) {
            ran.add(person.name());
            return greeting + " " + person.name();
        }
    }

    private static final String BAD_PERSON = "{\"name\":\"Ann\",\"addresses\":[{\"city\":\"Oslo\",\"zip\":\"north\"}],\"age\":3}";
    private static final String GOOD_PERSON = "{\"name\":\"Bo\",\"age\":4,\"addresses\":[]}";

    private final People people = new People();
    private final JsonRpcEngine engine = Rpc.engine(people);

    @Test
    void idAfterParamsIsFound() {
        JsonObject answer = single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + BAD_PERSON
                + ",\"hi\"],\"extra\":{\"ignored\":[1,2]},\"id\":\"after\"}");
        JsonObject data = assertError(-32602, "\"after\"", answer).getJsonObject("data");
        assertEquals("person", data.getString("parameter"));
        assertEquals("at addresses[0].zip: expected a whole number from -2147483648 to 2147483647, got a string", data.getString("problem"));
    }

    @Test
    void idBeforeParamsAndByName() {
        JsonObject answer = single(engine, "{\"id\":12.50,\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"greeting\":\"hi\",\"person\":"
                + BAD_PERSON + "}}");
        assertEquals("person", assertError(-32602, "12.50", answer).getJsonObject("data").getString("parameter"));
        assertEquals("12.50", answer.get("id").toString());
    }

    @Test
    void version1MessageStaysVersion1() {
        JsonObject answer = single(engine, "{\"method\":\"greet\",\"params\":[" + BAD_PERSON + ",\"hi\"],\"id\":5}");
        assertError(-32602, "5", answer);
        assertEquals(jakarta.json.JsonValue.NULL, answer.get("result"));
    }

    @Test
    void notificationStaysUnanswered() {
        assertNull(send(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + BAD_PERSON + ",\"hi\"]}"));
        assertEquals(List.of(), people.ran);
    }

    @Test
    void laterMembersOfABatchStillAnswer() {
        JsonArray answers = batch(engine, "["
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + GOOD_PERSON + ",\"hello\"],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + BAD_PERSON + ",\"hi\"],\"id\":2},"
                + "7,"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + BAD_PERSON + ",\"hi\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"person\":" + BAD_PERSON + ",\"greeting\":\"x\"},\"id\":3},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + GOOD_PERSON + ",\"bye\"],\"id\":4}"
                + "]");
        assertEquals(5, answers.size(), answers::toString);
        assertJson("{\"jsonrpc\":\"2.0\",\"result\":\"hello Bo\",\"id\":1}", answers.get(0));
        assertError(-32602, "2", answers.getJsonObject(1));
        assertError(-32600, "null", answers.getJsonObject(2));
        assertError(-32602, "3", answers.getJsonObject(3));
        assertJson("{\"jsonrpc\":\"2.0\",\"result\":\"bye Bo\",\"id\":4}", answers.get(4));
        assertEquals(List.of("Bo", "Bo"), people.ran);
    }

    @Test
    void invalidJsonAfterTheFailureIsStillAParseError() {
        assertError(-32700, "null", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + BAD_PERSON
                + ",\"hi\",[1 2]],\"id\":1}"));
        assertError(-32700, "null", single(engine, "[{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + BAD_PERSON
                + ",\"hi\"],\"id\":1},{\"a\" 1}]"));
        assertError(-32700, "null", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[" + BAD_PERSON));
        // invalid JSON in the rest of the very value whose binding failed
        assertError(-32700, "null", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[{\"name\":\"Ann\","
                + "\"addresses\":[{\"city\":\"Oslo\",\"zip\":\"north\",\"more\":[1 2]}],\"age\":3},\"hi\"],\"id\":1}"));
        assertError(-32700, "null", single(engine, "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[{\"name\":\"Ann\","
                + "\"addresses\":[{\"city\":\"Oslo\",\"zip\":\"north\"}"));
        assertEquals(List.of(), people.ran);
    }
}
