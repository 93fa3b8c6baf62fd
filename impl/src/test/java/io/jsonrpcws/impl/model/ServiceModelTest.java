package io.jsonrpcws.impl.model;

import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.model.broken.DuplicateNameA;
import io.jsonrpcws.impl.model.broken.DuplicateNameB;
import io.jsonrpcws.impl.model.broken.InheritedPing;
import io.jsonrpcws.impl.model.broken.ManyProblems;
import io.jsonrpcws.api.JsonRpcMethod;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deployment problems are found before anything runs, all of them at once, each naming the class, the
 * method and the other party. The deliberately broken services live in {@code broken}.
 */
class ServiceModelTest {

    private static final ServiceModel MODEL = new ServiceModel(List.of());

    @Test
    void everyProblemIsReportedTogether() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainServices.table(MODEL, new DuplicateNameA(), new ManyProblems<String>(), new DuplicateNameB()));
        String many = ManyProblems.class.getName();
        List<String> lines = List.of(e.getMessage().split("\n"));
        assertEquals("invalid JSON-RPC services:", lines.get(0));
        List<String> problems = lines.subList(1, lines.size()).stream().map(String::strip).sorted().toList();
        assertEquals(List.of(
                many + "#discover maps to 'rpc.discover': names starting with 'rpc.' are reserved by JSON-RPC 2.0",
                many + "#hidden is annotated @JsonRpcMethod but is not public",
                many + "#shared is annotated @JsonRpcMethod but is static; service methods are called on the bean",
                many + "#store parameter 'value' of type T cannot be bound from JSON: type variable T has no concrete type at run time",
                many + "#storeAll parameter 'values' of type java.util.List<T> cannot be bound from JSON: type variable T has no concrete type at run time",
                many + "#twice has two parameters named 'x'",
                "methods " + DuplicateNameA.class.getName() + "#add and " + DuplicateNameB.class.getName() + "#plus both map to 'calc.add'"
        ), problems);
    }

    @Test
    void aDuplicateAloneFailsToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainServices.table(MODEL, new DuplicateNameA(), new DuplicateNameB()));
        assertEquals("invalid JSON-RPC services:\n  methods " + DuplicateNameA.class.getName() + "#add and "
                + DuplicateNameB.class.getName() + "#plus both map to 'calc.add'", e.getMessage());
    }

    @Test
    void aClashOfInheritedMethodsNamesBothServices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainServices.table(MODEL, new InheritedPing.First(), new InheritedPing.Second()));
        assertEquals("invalid JSON-RPC services:\n  methods " + InheritedPing.First.class.getName() + "#ping and "
                + InheritedPing.Second.class.getName() + "#ping both map to 'ping'", e.getMessage());
    }

    @Test
    void describeKeepsTheValidMethodsAndReportsTheRest() {
        List<String> problems = new ArrayList<>();
        List<MethodDescription> found = MODEL.describe(ManyProblems.class, problems);
        assertEquals(List.of("fine"), found.stream().map(MethodDescription::name).toList());
        assertEquals(6, problems.size(), problems::toString);
    }

    public static class Session {
    }

    public static class Mixed {
        @JsonRpcMethod
        public String call(Session session, String text, Optional<Integer> count, int n) {
            return text;
        }

        @JsonRpcMethod
        public void nothing() {
        }
    }

    /** Supplies {@link Session} parameters. */
    record SessionResolver(String label) implements ContextParameter<PeerConnection> {
        @Override
        public boolean supports(Type type) {
            return type == Session.class;
        }

        @Override
        public Object resolve(CallInfo<PeerConnection> call) {
            return new Session();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Test
    void parametersAreClassifiedOnce() {
        SessionResolver resolver = new SessionResolver("sessions");
        MethodTable table = PlainServices.table(new ServiceModel(List.of(resolver)), new Mixed());
        RpcMethod call = table.find("call");
        assertNotNull(call);
        assertEquals(4, call.params().size());
        assertEquals(new Param.Context(resolver), call.params().get(0));
        assertEquals(List.of("text", "count", "n"), call.jsonParams().stream().map(Param.Json::name).toList());
        assertEquals(List.of(1, 2, 3), call.jsonParams().stream().map(Param.Json::index).toList());
        assertEquals(List.of(false, true, false), call.jsonParams().stream().map(Param.Json::optional).toList());
        assertEquals(List.of(false, false, true), call.jsonParams().stream().map(Param.Json::primitive).toList());
        assertTrue(call.needsCallInfo());
        assertEquals(ResultKind.VALUE, call.resultKind());
        assertEquals(ResultKind.VOID, table.find("nothing").resultKind());
        assertNull(table.find("Mixed.call"));
    }

    @Test
    void aParameterClaimedByTwoResolversIsAProblem() {
        ServiceModel model = new ServiceModel(List.of(new SessionResolver("first"), new SessionResolver("second")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlainServices.table(model, new Mixed()));
        assertEquals("invalid JSON-RPC services:\n  " + Mixed.class.getName() + "#call parameter 'session' of type "
                + Session.class.getName() + " is claimed by several resolvers: [first, second]", e.getMessage());
    }
}
