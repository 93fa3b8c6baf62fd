package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.SessionClosed;
import io.jsonrpcws.api.SessionOpened;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The connection-scope model test: calls of one connection share its {@code @ConnectionScoped} bean,
 * another connection has its own, closing destroys it, and the scope's events come in their order.
 */
class ConnectionScopeFollowsTheConnectionTest {

    @JsonRpcService("counter")
    @ConnectionScoped
    public static class Counter {
        @Inject
        Recorder recorder;
        @Inject
        JsonRpcSession session;

        private final AtomicInteger count = new AtomicInteger();

        @PostConstruct
        void created() {
            recorder.record(session.id(), "@PostConstruct");
        }

        @JsonRpcMethod
        public int increment() {
            return count.incrementAndGet();
        }

        /** The server's id of the connection, which the client does not otherwise know. */
        @JsonRpcMethod
        public String connection() {
            return session.id();
        }

        @PreDestroy
        void destroyed() {
            recorder.record(session.id(), "@PreDestroy");
        }
    }

    /** What happened to each connection, by session id, in order. */
    @ApplicationScoped
    public static class Recorder {
        private final Map<String, List<String>> events = new ConcurrentHashMap<>();

        void record(String sessionId, String event) {
            List<String> of = events.computeIfAbsent(sessionId, id -> new ArrayList<>());
            synchronized (of) {
                of.add(event);
            }
        }

        List<String> of(String sessionId) {
            List<String> of = events.getOrDefault(sessionId, List.of());
            synchronized (of) {
                return List.copyOf(of);
            }
        }

        void initialized(@Observes @Initialized(ConnectionScoped.class) JsonRpcSession session) {
            record(session.id(), "@Initialized");
        }

        void opened(@Observes SessionOpened event) {
            record(event.session().id(), "SessionOpened");
        }

        void closed(@Observes SessionClosed event) {
            record(event.session().id(), "SessionClosed " + event.code());
        }

        void beforeDestroyed(@Observes @BeforeDestroyed(ConnectionScoped.class) JsonRpcSession session) {
            record(session.id(), "@BeforeDestroyed");
        }

        void destroyed(@Observes @Destroyed(ConnectionScoped.class) JsonRpcSession session) {
            record(session.id(), "@Destroyed");
        }
    }

    @Test
    void callsOfOneConnectionShareTheBeanAndClosingDestroysIt() {
        try (JsonRpcServer server = Servers.start(Counter.class, Recorder.class)) {
            Recorder recorder = Servers.bean(server, Recorder.class);
            String firstId;
            String secondId;
            try (WsClient first = WsClient.connect(server.uri()); WsClient second = WsClient.connect(server.uri())) {
                assertEquals("1", first.result("counter.increment", "[]").toString());
                assertEquals("2", first.result("counter.increment", "[]").toString());
                assertEquals("1", second.result("counter.increment", "[]").toString(), "another connection, another counter");
                assertEquals("3", first.result("counter.increment", "[]").toString());
                assertEquals("2", second.result("counter.increment", "[]").toString());

                firstId = first.resultString("counter.connection", "[]");
                secondId = second.resultString("counter.connection", "[]");
                assertNotEquals(firstId, secondId);
                assertEquals(2, Servers.sessions(server).all().size());
            }
            for (String id : List.of(firstId, secondId)) {
                Servers.awaitTrue("connection " + id + " torn down", () -> recorder.of(id).contains("@Destroyed"));
                assertEquals(List.of("@Initialized", "SessionOpened", "@PostConstruct",
                                "SessionClosed 1000", "@BeforeDestroyed", "@PreDestroy", "@Destroyed"),
                        recorder.of(id), "the life of connection " + id);
            }
            assertEquals(0, Servers.sessions(server).all().size());
        }
    }
}
