package io.jsonrpcws.impl.engine;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Typed proxies of the peer's methods. Each interface is read once (its methods' names, kinds and
 * result types); a call on the proxy is a map look-up and a send.
 */
public final class RemoteProxies {

    private RemoteProxies() {
    }

    /** One method of a remote interface. {@code resultType} is {@code null} for a notification. */
    private record RemoteMethod(String name, Type resultType) {
    }

    private static final ClassValue<Map<Method, RemoteMethod>> MODELS = new ClassValue<>() {
        @Override
        protected Map<Method, RemoteMethod> computeValue(Class<?> type) {
            return model(type);
        }
    };

    /**
     * A proxy whose calls go to the peer through {@code calls}.
     *
     * @throws IllegalArgumentException when the interface has methods that cannot be sent, listing them all
     */
    public static <T> T create(Class<T> remoteInterface, OutgoingCalls calls) {
        Map<Method, RemoteMethod> methods = MODELS.get(remoteInterface);
        InvocationHandler handler = (proxy, method, args) -> {
            RemoteMethod remote = methods.get(method);
            if (remote == null) {
                return objectMethod(proxy, method, args, remoteInterface);
            }
            Object[] params = args == null ? new Object[0] : args;
            if (remote.resultType() == null) {
                calls.notify(remote.name(), params);
                return null;
            }
            return calls.request(remote.name(), remote.resultType(), calls.defaultTimeout(), params);
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
            if (m.getReturnType() == void.class) {
                methods.put(m, new RemoteMethod(name, null));
            } else if (m.getReturnType() == CompletionStage.class || m.getReturnType() == CompletableFuture.class) {
                Type result = m.getGenericReturnType() instanceof ParameterizedType p
                        ? p.getActualTypeArguments()[0] : Object.class;
                methods.put(m, new RemoteMethod(name, result));
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
}
