package io.jsonrpcws.impl.model;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParam;
import io.jsonrpcws.api.JsonRpcParams;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSubscription;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads services at deployment: finds the {@link JsonRpcMethod}s of a class, resolves where each
 * parameter comes from, and collects every problem instead of stopping at the first, so a broken
 * application is told everything at once. Each problem names the class and the method.
 */
public final class ServiceModel {

    /** The reserved prefix of the specification's own methods. */
    private static final String RESERVED_PREFIX = "rpc.";

    private final List<? extends ContextParameter<?>> contextParameters;

    /** @param contextParameters the resolvers of non-JSON parameters available in this runtime */
    public ServiceModel(List<? extends ContextParameter<?>> contextParameters) {
        this.contextParameters = List.copyOf(contextParameters);
    }

    /**
     * Describes the annotated methods of a service class and its superclasses.
     *
     * @param serviceClass the class, annotated with {@link JsonRpcService} or not (no namespace then)
     * @param problems     where problems are added, one sentence each
     * @return the methods that are valid; invalid ones are left out and reported
     */
    public List<MethodDescription> describe(Class<?> serviceClass, List<String> problems) {
        JsonRpcService service = serviceClass.getAnnotation(JsonRpcService.class);
        String namespace = service == null || service.value().isEmpty() ? "" : service.value() + ".";
        List<MethodDescription> found = new ArrayList<>();
        Set<String> overridden = new HashSet<>();
        for (Class<?> c = serviceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge() || !overridden.add(signature(m))) {
                    continue;
                }
                JsonRpcMethod annotation = m.getAnnotation(JsonRpcMethod.class);
                if (annotation != null) {
                    describe(serviceClass, m, namespace, namespace + (annotation.value().isEmpty() ? m.getName() : annotation.value()),
                            problems).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private Optional<MethodDescription> describe(Class<?> serviceClass, Method m, String namespace, String name,
                                                 List<String> problems) {
        int before = problems.size();
        String where = serviceClass.getName() + "#" + m.getName();
        if (!Modifier.isPublic(m.getModifiers())) {
            problems.add(where + " is annotated @JsonRpcMethod but is not public");
        }
        if (Modifier.isStatic(m.getModifiers())) {
            problems.add(where + " is annotated @JsonRpcMethod but is static; service methods are called on the bean");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            problems.add(where + " maps to '" + name + "': names starting with 'rpc.' are reserved by JSON-RPC 2.0");
        }
        List<Param> params = new ArrayList<>();
        List<String> javaNames = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Parameter[] parameters = m.getParameters();
        for (int index = 0; index < parameters.length; index++) {
            Parameter p = parameters[index];
            Type type = p.getParameterizedType();
            List<? extends ContextParameter<?>> claimants = contextParameters.stream().filter(c -> c.supports(type)).toList();
            if (claimants.size() > 1) {
                problems.add(where + " parameter '" + p.getName() + "' of type " + type.getTypeName()
                        + " is claimed by several resolvers: " + claimants);
                continue;
            }
            if (claimants.size() == 1) {
                params.add(new Param.Context(claimants.get(0)));
                continue;
            }
            String unbindable = unbindable(type);
            if (unbindable != null) {
                problems.add(where + " parameter '" + p.getName() + "' of type " + type.getTypeName()
                        + " cannot be bound from JSON: " + unbindable);
                continue;
            }
            JsonRpcParam named = p.getAnnotation(JsonRpcParam.class);
            String key = named != null ? named.value() : p.isNamePresent() ? p.getName() : null;
            if (key != null && !names.add(key)) {
                problems.add(where + " has two parameters named '" + key + "'");
            }
            Param.Json json = json(p, key, index, m.isVarArgs() && index == parameters.length - 1, where, problems);
            if (json != null) {
                params.add(json);
                javaNames.add(p.getName());
            }
        }
        checkTakers(params, javaNames, where, problems);
        Access access = Access.of(m, where, problems);
        ResultKind resultKind = resultKind(m.getReturnType());
        SubscriptionSpec subscription = subscription(m, resultKind, namespace, where, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MethodDescription(name, serviceClass, m, params, resultKind, access, subscription));
    }

    /**
     * The JSON parameter {@code p}: one param; the remaining positional params (a Java varargs, or a
     * {@code List<T>} or array marked {@link JsonRpcParams}); or the params whole (a JSON-P type marked so).
     * {@code null} when its marking is impossible, which is then reported.
     */
    private static Param.Json json(Parameter p, String key, int index, boolean varargs, String where, List<String> problems) {
        Type type = p.getParameterizedType();
        if (!p.isAnnotationPresent(JsonRpcParams.class)) {
            return varargs
                    ? new Param.Json(key, index, type, true, false, Param.Take.REST, element(type))
                    : new Param.Json(key, index, type, isOptional(p.getType()), p.getType().isPrimitive());
        }
        Class<?> raw = p.getType();
        if (raw == JsonValue.class || raw == JsonArray.class || raw == JsonObject.class) {
            return new Param.Json(key, index, type, true, false, Param.Take.WHOLE, null);
        }
        if (raw.isArray() || raw == List.class) {
            return new Param.Json(key, index, type, true, false, Param.Take.REST, element(type));
        }
        problems.add(where + " parameter '" + p.getName() + "' of type " + type.getTypeName()
                + " is annotated @JsonRpcParams, which takes a List<T> or an array (the remaining positional params)"
                + " or a JsonValue, JsonArray or JsonObject (the params whole)");
        return null;
    }

    /** The type of one element of an array or {@code List} type. */
    private static Type element(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? c.getComponentType() : Object.class;
        }
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[0];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }

    /**
     * A parameter that takes the remaining params, or all of them, must be the last JSON parameter, and one
     * that takes them whole the only one.
     */
    private static void checkTakers(List<Param> params, List<String> javaNames, String where, List<String> problems) {
        List<Param.Json> json = params.stream().filter(Param.Json.class::isInstance).map(Param.Json.class::cast).toList();
        List<String> takers = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            if (json.get(i).take() != Param.Take.ONE) {
                takers.add("'" + javaNames.get(i) + "'");
            }
        }
        if (takers.size() > 1) {
            problems.add(where + " has " + takers.size() + " parameters that take the remaining params ("
                    + String.join(", ", takers) + "); only one may, the last JSON parameter");
            return;
        }
        for (int i = 0; i < json.size(); i++) {
            Param.Json p = json.get(i);
            if (p.take() == Param.Take.ONE) {
                continue;
            }
            if (p.take() == Param.Take.WHOLE && json.size() > 1) {
                problems.add(where + " parameter '" + javaNames.get(i) + "' takes the params whole, so it must be the"
                        + " only JSON parameter, but '" + javaNames.get(i == 0 ? 1 : 0) + "' is another");
            } else if (i < json.size() - 1) {
                problems.add(where + " parameter '" + javaNames.get(i) + "' takes the remaining params, so it must be"
                        + " the last JSON parameter, but '" + javaNames.get(i + 1) + "' follows it");
            }
        }
    }

    /**
     * Checks that no two methods share a JSON-RPC name, naming both parties of each clash.
     *
     * @param methods  every method of the application
     * @param problems where clashes are added
     */
    public static void checkUniqueNames(Collection<MethodDescription> methods, List<String> problems) {
        Map<String, MethodDescription> byName = new HashMap<>();
        for (MethodDescription m : methods) {
            MethodDescription previous = byName.putIfAbsent(m.name(), m);
            if (previous != null) {
                problems.add("methods " + previous.javaName() + " and " + m.javaName() + " both map to '"
                        + m.name() + "'");
            }
        }
        for (MethodDescription m : methods) {
            MethodDescription clash = m.subscription() == null ? null : byName.get(m.subscription().unsubscribe());
            if (clash != null) {
                problems.add("method " + clash.javaName() + " maps to '" + m.subscription().unsubscribe()
                        + "', the name that ends the subscriptions of " + m.javaName());
            }
        }
    }

    private static ResultKind resultKind(Class<?> returnType) {
        if (returnType == void.class || returnType == Void.class) {
            return ResultKind.VOID;
        }
        if (Flow.Publisher.class.isAssignableFrom(returnType)) {
            return ResultKind.PUBLISHER;
        }
        return CompletionStage.class.isAssignableFrom(returnType) ? ResultKind.COMPLETION_STAGE : ResultKind.VALUE;
    }

    /** The names and buffer of a subscription method, its annotation's or the defaults; {@code null} for others. */
    private static SubscriptionSpec subscription(Method m, ResultKind kind, String namespace, String where,
                                                 List<String> problems) {
        JsonRpcSubscription annotation = m.getAnnotation(JsonRpcSubscription.class);
        if (kind != ResultKind.PUBLISHER) {
            if (annotation != null) {
                problems.add(where + " is annotated @JsonRpcSubscription but does not return a Flow.Publisher");
            }
            return null;
        }
        String notification = namespace + (annotation == null ? "subscription" : annotation.notification());
        String unsubscribe = namespace + (annotation == null ? "unsubscribe" : annotation.unsubscribe());
        int buffer = annotation == null ? 1024 : annotation.buffer();
        if (buffer < 1) {
            problems.add(where + " has a subscription buffer of " + buffer + " items; it needs at least 1");
        }
        if (notification.equals(namespace) || unsubscribe.equals(namespace)) {
            problems.add(where + " has an empty subscription notification or unsubscribe name");
        }
        if (unsubscribe.startsWith(RESERVED_PREFIX)) {
            problems.add(where + " ends subscriptions with '" + unsubscribe + "': names starting with 'rpc.' are reserved by JSON-RPC 2.0");
        }
        return new SubscriptionSpec(notification, unsubscribe, buffer,
                annotation == null ? JsonRpcSubscription.Overflow.DROP_OLDEST : annotation.overflow());
    }

    private static boolean isOptional(Class<?> type) {
        return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
                || type == OptionalDouble.class;
    }

    /** Why JSON-B cannot produce a value of this type, or {@code null} when it can. */
    private static String unbindable(Type type) {
        if (type instanceof TypeVariable<?> v) {
            return "type variable " + v.getName() + " has no concrete type at run time";
        }
        if (type instanceof WildcardType) {
            return "a wildcard type has no concrete type";
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (!(argument instanceof WildcardType)) {
                    String inner = unbindable(argument);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        if (type instanceof GenericArrayType g) {
            return unbindable(g.getGenericComponentType());
        }
        return null;
    }

    private static String signature(Method m) {
        StringBuilder s = new StringBuilder(m.getName()).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            s.append(p.getName()).append(',');
        }
        return s.toString();
    }
}
