package io.jsonrpcws.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The params of a call to the peer, written as a JSON array ({@link #byPosition}) or a JSON object
 * ({@link #byName}, {@link #named}). Many clients read their handlers' params by name, among them
 * {@code eth_subscription} notifications and the handlers of common JavaScript JSON-RPC libraries:
 *
 * <pre>{@code
 * session.notify("eth_subscription", Params.named().with("subscription", id).with("result", block));
 * // {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0x9c","result":{...}}}
 * }</pre>
 *
 * <p>Values are serialized with the application's JSON-B when the call is sent; {@code null} values are JSON
 * {@code null}. Instances are immutable and thread-safe (their values are held as given, not copied deeply).
 * JSON-RPC 1.0 has only positional params: sending by-name params to a peer that speaks 1.0 is refused.
 */
public sealed interface Params permits Params.ByPosition, Params.ByName {

    /**
     * Params by position: {@code "params": [v1, v2, ...]}. With no values, a JSON-RPC 2.0 call has no
     * {@code params} member.
     *
     * @param values the values in order; elements may be {@code null}, the array itself not (pass
     *               {@code (Object) null} for one {@code null} param)
     */
    static ByPosition byPosition(Object... values) {
        Objects.requireNonNull(values, "values: pass (Object) null for a single null param");
        return new ByPosition(Arrays.asList(values));
    }

    /**
     * Params by name: {@code "params": {"name": value, ...}}, members in the map's iteration order.
     *
     * @param members names (not {@code null}) and their values (may be {@code null})
     */
    static ByName byName(Map<String, ?> members) {
        return new ByName(new LinkedHashMap<>(Objects.requireNonNull(members, "members")));
    }

    /** Params by name with no members yet: add them with {@link ByName#with}. */
    static ByName named() {
        return new ByName(Map.of());
    }

    /**
     * Positional params.
     *
     * @param values the values, in order; an unmodifiable copy of what was given, {@code null} elements kept
     */
    record ByPosition(List<Object> values) implements Params {
        public ByPosition {
            values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values")));
        }
    }

    /**
     * Named params.
     *
     * @param members the names and values, in the order they are written; an unmodifiable copy
     */
    record ByName(Map<String, Object> members) implements Params {
        public ByName {
            Map<String, Object> copy = new LinkedHashMap<>();
            Objects.requireNonNull(members, "members").forEach((name, value) ->
                    copy.put(Objects.requireNonNull(name, "a param name is null"), value));
            members = Collections.unmodifiableMap(copy);
        }

        /**
         * These params and one more.
         *
         * @param name  the member's name; not {@code null}, not a name these params have already
         * @param value its value; {@code null} for JSON {@code null}
         * @return new params; this instance is unchanged
         * @throws IllegalArgumentException when these params already have a member of that name
         */
        public ByName with(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (members.containsKey(name)) {
                throw new IllegalArgumentException("the params already have a member named \"" + name + "\"");
            }
            Map<String, Object> more = new LinkedHashMap<>(members);
            more.put(name, value);
            return new ByName(more);
        }
    }
}
