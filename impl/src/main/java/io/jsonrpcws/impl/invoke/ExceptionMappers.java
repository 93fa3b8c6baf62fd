package io.jsonrpcws.impl.invoke;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcExceptionMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The application's exception mappers, keyed by the exception class each handles. For a thrown
 * exception the mapper of the nearest class in its superclass chain answers, so the most specific
 * mapper wins whatever the order of registration.
 */
public final class ExceptionMappers {

    /** No mappers: every exception other than {@link JsonRpcException} is an internal error. */
    public static final ExceptionMappers NONE = new ExceptionMappers(Map.of());

    private final Map<Class<?>, JsonRpcExceptionMapper<Throwable>> byType;

    private ExceptionMappers(Map<Class<?>, JsonRpcExceptionMapper<Throwable>> byType) {
        this.byType = byType;
    }

    /** Collects mappers; two for one exception class is an error. */
    public static final class Builder {
        private final Map<Class<?>, JsonRpcExceptionMapper<Throwable>> byType = new HashMap<>();

        /**
         * Adds a mapper whose handled type is read from its {@code JsonRpcExceptionMapper<E>} declaration.
         *
         * @throws IllegalArgumentException when the type cannot be read (a lambda) or is taken already
         */
        public Builder add(JsonRpcExceptionMapper<?> mapper) {
            Class<?> type = handledType(mapper.getClass());
            if (type == null) {
                throw new IllegalArgumentException(mapper.getClass().getName()
                        + " does not declare its exception type: implement JsonRpcExceptionMapper<YourException>"
                        + " in a class, or register it with add(Class, mapper)");
            }
            return add(type.asSubclass(Throwable.class), mapper);
        }

        /**
         * Adds a mapper for exceptions of {@code type} and its subclasses.
         *
         * @throws IllegalArgumentException when another mapper handles {@code type} already
         */
        @SuppressWarnings("unchecked")
        public <E extends Throwable> Builder add(Class<E> type, JsonRpcExceptionMapper<?> mapper) {
            JsonRpcExceptionMapper<Throwable> previous = byType.putIfAbsent(type, (JsonRpcExceptionMapper<Throwable>) mapper);
            if (previous != null) {
                throw new IllegalArgumentException("exception mappers " + previous.getClass().getName() + " and "
                        + mapper.getClass().getName() + " both map " + type.getName());
            }
            return this;
        }

        public ExceptionMappers build() {
            return new ExceptionMappers(Map.copyOf(byType));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JSON-RPC error for an exception thrown by a service method, or {@code null} when nothing maps
     * it (the caller then answers Internal error and logs the cause). A mapper that fails is treated as
     * not answering.
     */
    JsonRpcException map(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof JsonRpcException e) {
            return e;
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            JsonRpcExceptionMapper<Throwable> mapper = byType.get(c);
            if (mapper != null) {
                return mapper.toJsonRpcException(t);
            }
        }
        return null;
    }

    /** The exception the application threw, without the wrappers of reflection and futures. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Class<?> handledType(Class<?> mapperClass) {
        for (Class<?> c = mapperClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type i : c.getGenericInterfaces()) {
                if (i instanceof ParameterizedType p && p.getRawType() == JsonRpcExceptionMapper.class
                        && p.getActualTypeArguments()[0] instanceof Class<?> handled) {
                    return handled;
                }
            }
        }
        return null;
    }
}
