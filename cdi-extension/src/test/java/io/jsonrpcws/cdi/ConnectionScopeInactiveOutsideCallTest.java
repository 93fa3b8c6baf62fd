package io.jsonrpcws.cdi;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @ConnectionScoped} is active only while a call or event of a WebSocket connection runs: using a
 * connection-scoped bean, the injectable {@link JsonRpcSession} or the WebSocket {@link Session} anywhere
 * else fails with {@link ContextNotActiveException}, and a call that came without a connection and uses
 * one is answered with an error.
 */
class ConnectionScopeInactiveOutsideCallTest {

    @ConnectionScoped
    public static class Cart {
        private final List<String> items = new ArrayList<>();

        public synchronized List<String> add(String item) {
            items.add(item);
            return List.copyOf(items);
        }
    }

    @JsonRpcService("shop")
    public static class Shop {
        @Inject
        Cart cart;

        @JsonRpcMethod
        public List<String> add(String item) {
            return cart.add(item);
        }
    }

    @Test
    void connectionScopedBeansFailOutsideAConnection() {
        try (TestDeployment deployment = TestDeployment.of(Shop.class, Cart.class)) {
            BeanManager beans = deployment.container().getBeanManager();
            assertEquals(1, beans.getContexts(ConnectionScoped.class).size(), "the extension registers the context");
            assertThrows(ContextNotActiveException.class, () -> beans.getContext(ConnectionScoped.class));

            Cart cart = deployment.container().select(Cart.class).get();
            assertThrows(ContextNotActiveException.class, () -> cart.add("apple"));
            JsonRpcSession session = deployment.container().select(JsonRpcSession.class).get();
            assertThrows(ContextNotActiveException.class, session::id);
            Session webSocket = deployment.container().select(Session.class).get();
            assertThrows(ContextNotActiveException.class, webSocket::getId);

            String answer = deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"shop.add\",\"params\":[\"apple\"],\"id\":1}");
            assertTrue(answer.startsWith("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + JsonRpcErrorCodes.CONTEXT_NOT_ACTIVE + ","),
                    answer);
        }
    }
}
