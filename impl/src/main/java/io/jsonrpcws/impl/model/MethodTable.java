package io.jsonrpcws.impl.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The immutable map from JSON-RPC names to methods, built once; lookups are lock-free. */
public final class MethodTable {

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
        return new MethodTable(Map.copyOf(byName));
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
