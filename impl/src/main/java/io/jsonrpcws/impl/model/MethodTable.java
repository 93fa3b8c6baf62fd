package io.jsonrpcws.impl.model;

import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable map from JSON-RPC names to methods, built once; lookups are lock-free. Besides the application's
 * methods it holds those that end subscriptions and {@value #CANCEL_REQUEST}.
 */
public final class MethodTable {

    /** The notification that cancels a running call, {@code {"id": ...}}: the name LSP clients send. */
    public static final String CANCEL_REQUEST = "$/cancelRequest";

    private final Map<String, RpcMethod> methods;

    private MethodTable(Map<String, RpcMethod> methods) {
        this.methods = methods;
    }

    /**
     * @param methods the methods; their names must be unique (the {@link ServiceModel} checks this)
     * @throws IllegalArgumentException on a duplicate name
     */
    public static MethodTable of(Collection<RpcMethod> methods) {
        Map<String, RpcMethod> byName = new HashMap<>(methods.size() * 2);
        for (RpcMethod m : methods) {
            RpcMethod previous = byName.putIfAbsent(m.name(), m);
            if (previous != null) {
                throw new IllegalArgumentException("methods " + previous.javaName() + " and " + m.javaName()
                        + " both map to '" + m.name() + "'");
            }
        }
        for (RpcMethod m : methods) {
            if (m.subscription() != null) {
                RpcMethod end = byName.computeIfAbsent(m.subscription().unsubscribe(), name -> unsubscribe(name, m));
                if (end.resultKind() != ResultKind.UNSUBSCRIBE) {
                    throw new IllegalArgumentException("method " + end.javaName() + " maps to '" + end.name()
                            + "', the name that ends the subscriptions of " + m.javaName());
                }
            }
        }
        Param.Json id = new Param.Json("id", 0, JsonValue.class, false, false);
        // an application's own $/cancelRequest wins
        byName.putIfAbsent(CANCEL_REQUEST, new RpcMethod(CANCEL_REQUEST, "the cancellation of running calls",
                List.of(id), List.of(id), ResultKind.CANCEL, null, true, Access.ANYONE, null, null));
        return new MethodTable(Map.copyOf(byName));
    }

    /**
     * The method that ends the subscriptions of {@code first} (and of the others that share its name): its one
     * param, by position or named {@code subscription}, is the id. Anyone may call it: an id means something only on
     * the connection that subscribed.
     */
    private static RpcMethod unsubscribe(String name, RpcMethod first) {
        Param.Json id = new Param.Json("subscription", 0, String.class, false, false);
        return new RpcMethod(name, "the subscriptions of " + first.javaName(), List.of(id), List.of(id),
                ResultKind.UNSUBSCRIBE, null, true, Access.ANYONE, null, first.subscription());
    }

    /** The method with this name, or {@code null}. */
    public RpcMethod find(String name) {
        return methods.get(name);
    }

    /** All methods, in no particular order. */
    public Collection<RpcMethod> methods() {
        return methods.values();
    }
}
