package io.jsonrpcws.impl.model;

import java.lang.reflect.Type;

/** One Java parameter of a service method, and where its value comes from. */
public sealed interface Param {

    /** How much of {@code params} a JSON parameter takes. */
    enum Take {
        /** One positional param, or one by-name member. */
        ONE,
        /**
         * The positional params that remain, each bound as the {@link Json#element() element} type into an array
         * or a list; by name, one member holding an array. Never missing: none remaining is empty.
         */
        REST,
        /** The params whole, as JSON-P values, unbound: the array, the object, or {@code JsonValue.NULL} when absent. */
        WHOLE
    }

    /**
     * A parameter bound from {@code params} with JSON-B.
     *
     * @param name      its by-name key; {@code null} when the class was compiled without {@code -parameters}
     *                  and the parameter has no {@link io.jsonrpcws.api.JsonRpcParam}
     * @param index     its index among all the Java parameters, so in the argument array
     * @param type      the declared generic type
     * @param optional  whether it may be absent: {@code java.util.Optional*} types, and {@link Take#REST}
     * @param primitive whether it rejects JSON {@code null}
     * @param take      how much of {@code params} it takes
     * @param element   for {@link Take#REST}, the type of one remaining param; otherwise {@code null}
     */
    record Json(String name, int index, Type type, boolean optional, boolean primitive, Take take, Type element)
            implements Param {

        /** A parameter that takes one param. */
        public Json(String name, int index, Type type, boolean optional, boolean primitive) {
            this(name, index, type, optional, primitive, Take.ONE, null);
        }
    }

    /** A parameter supplied by a {@link ContextParameter}. */
    record Context(ContextParameter<?> source) implements Param {
    }
}
