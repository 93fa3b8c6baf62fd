package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.SessionClosed;
import io.jsonrpcws.api.SessionOpened;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An observer of {@link SessionOpened} refuses connections that ask for it: the client is closed with 1008
 * and the observer's reason, none of its calls runs, and the refused connection is torn down like any other.
 */
class RefusedConnectionRunsNoCallTest {

    @JsonRpcService("guarded")
    public static class Guarded {
        final AtomicInteger calls = new AtomicInteger();

        @JsonRpcMethod
        public int touch() {
            return calls.incrementAndGet();
        }

        int calls() {
            return calls.get();
        }
    }

    @ApplicationScoped
    public static class Bouncer {
        private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
        private final Set<String> closed = ConcurrentHashMap.newKeySet();

        void check(@Observes SessionOpened event) {
            if (event.session().queryParameters().containsKey("deny")) {
                event.refuse("go away");
            }
        }

        void closed(@Observes SessionClosed event) {
            closed.add(event.session().id() + " " + event.code());
        }

        void destroyed(@Observes @Destroyed(ConnectionScoped.class) JsonRpcSession session) {
            destroyed.add(session.id());
        }

        Set<String> closed() {
            return Set.copyOf(closed);
        }

        Set<String> destroyed() {
            return Set.copyOf(destroyed);
        }
    }

    @Test
    void refusedClientSees1008WithTheReasonAndNoCallRuns() {
        try (JsonRpcServer server = Servers.start(Guarded.class, Bouncer.class)) {
            Guarded guarded = Servers.bean(server, Guarded.class);
            Bouncer bouncer = Servers.bean(server, Bouncer.class);
            try (WsClient refused = WsClient.connect(URI.create(server.uri() + "?deny=1"))) {
                try {
                    refused.send("{\"jsonrpc\":\"2.0\",\"method\":\"guarded.touch\",\"id\":1}");
                } catch (RuntimeException closedAlready) {
                    // the close may arrive before the call is sent; either way it must not run
                }
                CloseReason reason = refused.awaitClose();
                assertEquals(1008, reason.getCloseCode().getCode());
                assertEquals("go away", reason.getReasonPhrase());
                assertEquals(List.of(), refused.unread());
            }

            Servers.awaitTrue("the refused connection torn down",
                    () -> Servers.sessions(server).all().isEmpty() && bouncer.destroyed().size() == 1);
            assertEquals(1, bouncer.closed().size(), bouncer.closed()::toString);
            assertEquals(true, bouncer.closed().iterator().next().endsWith(" 1008"), bouncer.closed()::toString);

            try (WsClient welcome = WsClient.connect(server.uri())) {
                assertEquals("1", welcome.result("guarded.touch", "[]").toString(),
                        "the refused connection's call never ran");
            }
            assertEquals(1, guarded.calls());
        }
    }
}
