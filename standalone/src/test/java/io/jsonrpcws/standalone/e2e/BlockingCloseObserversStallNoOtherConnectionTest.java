package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.SessionClosed;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone runtime reads WebSocket frames on Grizzly's selector threads, each of which serves many
 * connections. An application's observer of a connection's closing that blocks must not run there: while eight
 * such observers wait, another connection's call is answered at once, and once they are let go every one of them
 * has run.
 */
class BlockingCloseObserversStallNoOtherConnectionTest {

    @ApplicationScoped
    public static class SlowFarewell {
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger entered = new AtomicInteger();
        private final AtomicInteger left = new AtomicInteger();

        void closed(@Observes SessionClosed event) throws InterruptedException {
            entered.incrementAndGet();
            try {
                release.await(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                left.incrementAndGet();
            }
        }

        int entered() {
            return entered.get();
        }

        int left() {
            return left.get();
        }

        void release() {
            release.countDown();
        }
    }

    @Test
    void anotherConnectionIsAnsweredWhileCloseObserversBlock() {
        try (JsonRpcServer server = Servers.start(EchoService.class, SlowFarewell.class);
             WsClient bystander = WsClient.connect(server.uri())) {
            SlowFarewell farewell = Servers.bean(server, SlowFarewell.class);
            try {
                List<WsClient> leaving = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    leaving.add(WsClient.connect(server.uri()));
                }
                leaving.forEach(WsClient::close);
                // on the selector threads, one observer per thread would have been entered, and no more
                Servers.awaitTrue("every observer of a closing is running", () -> farewell.entered() == 8);

                long start = System.nanoTime();
                assertEquals("still here", bystander.resultString("echo.echo", "[\"still here\"]"));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < 2_000, "the call took " + millis + " ms while observers of closings blocked");
            } finally {
                farewell.release();
            }
            Servers.awaitTrue("every observer has run", () -> farewell.left() == 8);
        }
    }
}
