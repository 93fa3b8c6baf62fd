package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParam;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.NamedParams;
import io.jsonrpcws.api.Params;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Typed proxies of the peer's methods. Each interface is read once (its methods' names, kinds, result types
 * and, for {@link NamedParams} methods, param names); a call on the proxy is a map look-up and a send.
 */
public final class RemoteProxies {

    private RemoteProxies() {
    }

    /**
     * One method of a remote interface. {@code resultType} is {@code null} for a notification; {@code paramNames}
     * is {@code null} for params by position.
     */
    private record RemoteMethod(String name, Type resultType, List<String> paramNames) {

        Params params(Object[] args) {
            Object[] values = args == null ? new Object[0] : args;
            if (paramNames == null) {
                return Params.byPosition(values);
            }
            Map<String, Object> members = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                members.put(paramNames.get(i), values[i]);
            }
            return Params.byName(members);
        }
    }

    private static final ClassValue<Map<Method, RemoteMethod>> MODELS = new ClassValue<>() {
        @Override
        protected Map<Method, RemoteMethod> computeValue(Class<?> type) {
            return model(type);
        }
    };

    /** Where a proxy's calls go: a connection's {@link OutgoingCalls}, or what a client routes them through. */
    public interface Calls {

        /** Sends a notification. */
        void notify(String method, Params params);

        /** Sends a request with the default timeout; the stage completes with its result. */
        CompletableFuture<?> request(String method, Type resultType, Params params);
    }

    /**
     * A proxy whose calls go to the peer through {@code calls}, with its default timeout.
     *
     * @throws IllegalArgumentException as {@link #create(Class, Calls)}
     */
    public static <T> T create(Class<T> remoteInterface, OutgoingCalls calls) {
        return create(remoteInterface, new Calls() {
            @Override
            public void notify(String method, Params params) {
                calls.notify(method, params);
            }

            @Override
            public CompletableFuture<?> request(String method, Type resultType, Params params) {
                return calls.request(method, resultType, calls.defaultTimeout(), params);
            }
        });
    }

    /**
     * A proxy whose calls go to the peer through {@code calls}.
     *
     * @throws IllegalArgumentException when the interface has methods that cannot be sent, listing them all: no
     *                                  {@code @JsonRpcMethod}, a return type other than {@code void} or a
     *                                  {@code CompletionStage}, or {@code @NamedParams} with a parameter that has no
     *                                  name or shares one
     */
    public static <T> T create(Class<T> remoteInterface, Calls calls) {
        Map<Method, RemoteMethod> methods = MODELS.get(remoteInterface);
        InvocationHandler handler = (proxy, method, args) -> {
            RemoteMethod remote = methods.get(method);
            if (remote == null) {
                return objectMethod(proxy, method, args, remoteInterface);
            }
            Params params = remote.params(args);
            if (remote.resultType() == null) {
                calls.notify(remote.name(), params);
                return null;
            }
            return calls.request(remote.name(), remote.resultType(), params);
        };
        return remoteInterface.cast(Proxy.newProxyInstance(remoteInterface.getClassLoader(),
                new Class<?>[]{remoteInterface}, handler));
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> type) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "remote " + type.getName();
            default -> throw new UnsupportedOperationException(method + " is not a remote method");
        };
    }

    private static Map<Method, RemoteMethod> model(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface");
        }
        JsonRpcService service = type.getAnnotation(JsonRpcService.class);
        String namespace = service == null || service.value().isEmpty() ? "" : service.value() + ".";
        Map<Method, RemoteMethod> methods = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            JsonRpcMethod annotation = m.getAnnotation(JsonRpcMethod.class);
            if (annotation == null) {
                problems.add(m.getName() + " has no @JsonRpcMethod");
                continue;
            }
            String name = namespace + (annotation.value().isEmpty() ? m.getName() : annotation.value());
            List<String> paramNames = null;
            if (m.isAnnotationPresent(NamedParams.class) || type.isAnnotationPresent(NamedParams.class)) {
                paramNames = paramNames(m, problems);
            }
            if (m.getReturnType() == void.class) {
                methods.put(m, new RemoteMethod(name, null, paramNames));
            } else if (m.getReturnType() == CompletionStage.class || m.getReturnType() == CompletableFuture.class) {
                Type result = m.getGenericReturnType() instanceof ParameterizedType p
                        ? p.getActualTypeArguments()[0] : Object.class;
                methods.put(m, new RemoteMethod(name, result, paramNames));
            } else {
                problems.add(m.getName() + " returns " + m.getReturnType().getSimpleName()
                        + "; a remote method returns void (a notification) or CompletionStage<T> (a request)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("remote interface " + type.getName() + ": " + String.join("; ", problems));
        }
        return Map.copyOf(methods);
    }

    /** The by-name names of a method's params, or {@code null} after adding why some have none to {@code problems}. */
    private static List<String> paramNames(Method m, List<String> problems) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean named = true;
        Parameter[] parameters = m.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            JsonRpcParam given = p.getAnnotation(JsonRpcParam.class);
            String name = given != null ? given.value() : p.isNamePresent() ? p.getName() : null;
            String where = m.getName() + "'s parameter " + i + " (" + p.getType().getSimpleName() + ")";
            if (name == null) {
                problems.add(where + " has no name for @NamedParams: compile the interface with -parameters,"
                        + " or annotate the parameter with @JsonRpcParam(\"name\")");
                named = false;
            } else if (name.isEmpty()) {
                problems.add(where + " has an empty @JsonRpcParam name");
                named = false;
            } else if (!seen.add(name)) {
                problems.add(where + " is named \"" + name + "\" like an earlier parameter");
                named = false;
            }
            names.add(name);
        }
        return named ? List.copyOf(names) : null;
    }
}
