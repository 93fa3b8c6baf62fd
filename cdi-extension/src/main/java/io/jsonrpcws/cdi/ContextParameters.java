package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcCall;
import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.impl.model.CallInfo;
import io.jsonrpcws.impl.model.ContextParameter;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Version;
import jakarta.websocket.Session;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;

/** The service method parameters that come from the connection and the call rather than from params. */
final class ContextParameters {

    private ContextParameters() {
    }

    static final List<ContextParameter<Caller>> ALL = List.of(
            new Of(JsonRpcSession.class) {
                @Override
                public Object resolve(CallInfo<Caller> call) {
                    // over HTTP, the request's session: its user, headers and properties; it cannot be called back
                    return call.connection() != null ? call.connection().session() : connection(call);
                }
            },
            new Of(Session.class) {
                @Override
                public Object resolve(CallInfo<Caller> call) {
                    return connection(call).webSocket();
                }
            },
            new Of(JsonRpcCall.class) {
                @Override
                public Object resolve(CallInfo<Caller> call) {
                    return new CallView(call);
                }
            });

    private abstract static class Of implements ContextParameter<Caller> {
        private final Class<?> type;

        Of(Class<?> type) {
            this.type = type;
        }

        @Override
        public boolean supports(Type declared) {
            return declared == type;
        }

        @Override
        public String toString() {
            return "the " + type.getSimpleName() + " resolver";
        }
    }

    private static WebSocketConnection connection(CallInfo<Caller> call) {
        WebSocketConnection connection = call.connection() == null ? null : call.connection().webSocketConnection();
        if (connection != null) {
            return connection;
        }
        throw new JsonRpcException(JsonRpcErrorCodes.CONTEXT_NOT_ACTIVE,
                call.method() + " needs a WebSocket connection; it cannot be called over HTTP");
    }

    private record CallView(CallInfo<?> call) implements JsonRpcCall {
        @Override
        public Object id() {
            JsonRpcId id = call.id();
            if (id instanceof JsonRpcId.Text t) {
                return t.value();
            }
            return id instanceof JsonRpcId.Number n ? new BigDecimal(n.lexeme()) : null;
        }

        @Override
        public boolean isNotification() {
            return call.id() == null || (call.version() == Version.V1_0 && call.id() == JsonRpcId.NULL);
        }

        @Override
        public String method() {
            return call.method();
        }

        @Override
        public String protocolVersion() {
            return call.version() == Version.V2_0 ? "2.0" : "1.0";
        }
    }
}
