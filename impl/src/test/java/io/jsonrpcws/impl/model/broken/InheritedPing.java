package io.jsonrpcws.impl.model.broken;

import io.jsonrpcws.api.JsonRpcMethod;

/** Two services that inherit one annotated method, so both map it to {@code ping}. */
public class InheritedPing {

    public static class Base {
        @JsonRpcMethod
        public String ping() {
            return "pong";
        }
    }

    public static class First extends Base {
    }

    public static class Second extends Base {
    }
}
