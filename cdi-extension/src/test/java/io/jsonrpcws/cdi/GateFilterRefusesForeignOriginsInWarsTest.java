package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a servlet container, the filter {@link JsonRpcServletInitializer} registers on the endpoint's path refuses
 * POSTs and preflights from other origins with 403, before the servlet runs anything, and lets POSTs without
 * {@code Origin} or from the same origin through.
 */
class GateFilterRefusesForeignOriginsInWarsTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo.echo\",\"params\":[\"hi\"],\"id\":1}";

    @JsonRpcService("echo")
    public static class Echo {
        @JsonRpcMethod
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void foreignOriginsAreRefusedAndOthersAnswered() throws Exception {
        try (ServletContainer war = ServletContainer.start(Echo.class)) {
            for (String origin : new String[]{"http://evil.example", "null", "file://"}) {
                String refused = war.exchange(war.post(CALL, "Origin: " + origin + "\r\n"));
                assertTrue(refused.startsWith("HTTP/1.1 403"), origin + ": " + refused);
                assertFalse(refused.toLowerCase(Locale.ROOT).contains("access-control-allow-origin"), refused);
                assertFalse(refused.contains("\"result\""), refused);
            }
            String preflight = war.exchange("OPTIONS /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1:" + war.port()
                    + "\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
            assertTrue(preflight.startsWith("HTTP/1.1 403"), preflight);

            for (String origin : new String[]{"", "Origin: http://127.0.0.1:" + war.port() + "\r\n"}) {
                String answered = war.exchange(war.post(CALL, origin));
                assertTrue(answered.startsWith("HTTP/1.1 200"), origin + ": " + answered);
                assertTrue(answered.endsWith("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}"), answered);
            }
        }
    }
}
