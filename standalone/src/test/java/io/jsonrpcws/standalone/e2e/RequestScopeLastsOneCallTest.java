package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each call over the socket runs in a request context of its own: a {@code @RequestScoped} bean is shared
 * within the call, fresh for the next one, and destroyed after each.
 */
class RequestScopeLastsOneCallTest {

    @JsonRpcService("work")
    public static class Work {
        @Inject
        CallState state;

        /** Uses the request-scoped bean twice; both uses must see the same instance. */
        @JsonRpcMethod
        public int step() {
            int serial = state.serial();
            if (state.serial() != serial) {
                throw new IllegalStateException("two instances within one call");
            }
            return serial;
        }
    }

    @RequestScoped
    public static class CallState {
        @Inject
        Tally tally;
        private int serial;

        @PostConstruct
        void created() {
            serial = tally.create();
        }

        int serial() {
            return serial;
        }

        @PreDestroy
        void destroyed() {
            tally.destroy();
        }
    }

    @ApplicationScoped
    public static class Tally {
        private final AtomicInteger created = new AtomicInteger();
        private final AtomicInteger destroyed = new AtomicInteger();

        int create() {
            return created.incrementAndGet();
        }

        void destroy() {
            destroyed.incrementAndGet();
        }

        int created() {
            return created.get();
        }

        int destroyed() {
            return destroyed.get();
        }
    }

    @Test
    void everyCallGetsAndDestroysItsOwnInstance() {
        int calls = 5;
        try (JsonRpcServer server = Servers.start(Work.class, CallState.class, Tally.class)) {
            Tally tally = Servers.bean(server, Tally.class);
            Set<String> serials = new HashSet<>();
            try (WsClient client = WsClient.connect(server.uri())) {
                for (int i = 0; i < calls; i++) {
                    serials.add(client.result("work.step", "[]").toString());
                    int finished = i + 1;
                    Servers.awaitTrue("call " + finished + "'s request context destroyed",
                            () -> tally.destroyed() == finished);
                }
            }
            assertEquals(calls, serials.size(), () -> "one instance per call: " + serials);
            assertEquals(calls, tally.created());
            assertEquals(calls, tally.destroyed());
        }
    }
}
