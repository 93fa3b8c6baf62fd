package io.jsonrpcws.impl.model;

import java.lang.reflect.Type;

/** One Java parameter of a service method, and where its value comes from. */
public sealed interface Param {

    /**
     * A parameter bound from {@code params} with JSON-B.
     *
     * @param name     its by-name key; {@code null} when the class was compiled without {@code -parameters}
     *                 and the parameter has no {@link io.jsonrpcws.api.JsonRpcParam}
     * @param index    its index among all the Java parameters, so in the argument array
     * @param type     the declared generic type
     * @param optional whether it may be absent: {@code java.util.Optional*} types
     * @param primitive whether it rejects JSON {@code null}
     */
    record Json(String name, int index, Type type, boolean optional, boolean primitive) implements Param {
    }

    /** A parameter supplied by a {@link ContextParameter}. */
    record Context(ContextParameter<?> source) implements Param {
    }
}
