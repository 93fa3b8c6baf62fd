package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code jsonrpcws.allowed-hosts} adds names to the loopback ones a server bound to 127.0.0.1 accepts in
 * {@code Host}, such as a name in {@code /etc/hosts}; other names are still refused.
 */
class AllowedHostsExtendTheLoopbackNamesTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"hi\"],\"id\":1}";

    @Test
    void listedNamesAreAcceptedAndOthersStillRefused() throws Exception {
        try (JsonRpcServer server = Servers.start(Map.of("jsonrpcws.allowed-hosts", "devbox.test,*.corp.test"),
                EchoService.class)) {
            for (String name : new String[]{"devbox.test", "ci.corp.test", "localhost"}) {
                String host = name + ":" + server.port();
                RawHttp.Response post = RawHttp.exchange(server, RawHttp.post("/jsonrpc",
                        Map.of("Host", host, "Origin", "http://" + host), CALL));
                assertEquals(200, post.status(), host);
                assertEquals(101, RawHttp.exchange(server, RawHttp.handshake("/jsonrpc",
                        Map.of("Host", host, "Origin", "http://" + host))).status(), host);
            }
            String other = "rebind.evil.example:" + server.port();
            assertEquals(403, RawHttp.exchange(server, RawHttp.post("/jsonrpc", Map.of("Host", other), CALL)).status());
        }
    }
}
