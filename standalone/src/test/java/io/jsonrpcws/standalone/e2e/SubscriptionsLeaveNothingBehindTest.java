package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten thousand subscribe/unsubscribe cycles and a thousand connections closed under open subscriptions (half with a
 * close frame, half by dropping TCP) leave no
 * subscription behind: every publisher subscribed to is cancelled, and a heap histogram after a full collection counts no
 * subscription object of the server.
 */
class SubscriptionsLeaveNothingBehindTest {

    private static final int CYCLES = 10_000;
    private static final int CONNECTIONS = 1_000;
    private static final String SUBSCRIPTION_CLASS = "io.jsonrpcws.impl.engine.Subscription";

    @Test
    void nothingIsLeftAfterSubscribeUnsubscribeAndCloseCycles() throws Exception {
        try (JsonRpcServer server = Servers.start(Feeds.class)) {
            Feeds feeds = Servers.bean(server, Feeds.class);
            try (WsClient client = WsClient.connect(server.uri())) {
                for (int i = 0; i < CYCLES; i++) {
                    String id = client.resultString("feed.quiet", "[]");
                    assertEquals("true", client.result("feed.unsubscribe", "[\"" + id + "\"]").toString());
                }
            }
            for (int i = 0; i < CONNECTIONS; i++) {
                try (RawWebSocket client = RawWebSocket.connect(server.uri())) {
                    client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.quiet\",\"id\":1}");
                    client.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"feed.quiet\",\"id\":2}");
                    client.readText();
                    client.readText();
                    if (i % 2 == 0) {
                        client.sendClose(1000); // the other half just drop the TCP connection
                    }
                }
            }
            // a connection that closes right after the answer may close before its last subscription starts: that
            // publisher is never subscribed to, so never cancelled
            assertTrue(feeds.quietSubscribed() >= CYCLES + CONNECTIONS, "subscribed: " + feeds.quietSubscribed());
            Servers.awaitTrue("every publisher subscribed to is cancelled", () -> feeds.quietCancelled() == feeds.quietSubscribed());
            Servers.awaitTrue("no subscription object is left in the heap", () -> instances(SUBSCRIPTION_CLASS) == 0);
        }
    }

    /** Instances of the class in a histogram of the live heap (the diagnostic command collects first). */
    private static long instances(String className) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)",
                    Pattern.MULTILINE).matcher(histogram);
            return row.find() ? Long.parseLong(row.group(1)) : 0;
        } catch (Exception e) {
            throw new AssertionError("no heap histogram: " + e, e);
        }
    }
}
