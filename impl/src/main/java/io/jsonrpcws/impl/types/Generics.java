package io.jsonrpcws.impl.types;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Java's generic types resolved the way JSON-B resolves them: a class's type variables bound by the types it
 * extends, wildcards and unbound variables standing for their first bound.
 */
public final class Generics {

    private Generics() {
    }

    /** The type variables of a class and its superclasses, bound as this type binds them. */
    public static Map<TypeVariable<?>, Type> variables(Type type) {
        Map<TypeVariable<?>, Type> vars = new HashMap<>();
        Type t = type;
        while (t != null && raw(t) != Object.class) {
            Class<?> raw = raw(t);
            if (t instanceof ParameterizedType p) {
                TypeVariable<?>[] params = raw.getTypeParameters();
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < params.length && i < args.length; i++) {
                    vars.put(params[i], resolve(args[i], vars));
                }
            }
            Type superType = raw.getGenericSuperclass();
            t = superType == null ? null : resolve(superType, vars);
        }
        return vars;
    }

    /**
     * The type arguments that a class gives the type variables of its superclasses and interfaces, at every level,
     * as declared: an argument may itself name a variable, to be looked up again. The class's own variables are
     * not bound.
     */
    public static Map<TypeVariable<?>, Type> declaredBindings(Class<?> type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        List<Type> todo = new ArrayList<>(List.of(type));
        for (int i = 0; i < todo.size(); i++) {
            Class<?> c = raw(todo.get(i));
            List<Type> supertypes = new ArrayList<>(Arrays.asList(c.getGenericInterfaces()));
            if (c.getGenericSuperclass() != null) {
                supertypes.add(c.getGenericSuperclass());
            }
            for (Type s : supertypes) {
                if (s instanceof ParameterizedType p) {
                    TypeVariable<?>[] params = raw(p).getTypeParameters();
                    Type[] args = p.getActualTypeArguments();
                    for (int k = 0; k < params.length && k < args.length; k++) {
                        bindings.putIfAbsent(params[k], args[k]);
                    }
                }
                todo.add(s);
            }
        }
        return bindings;
    }

    /** The {@code index}th type argument that {@code type} gives the generic supertype {@code target}. */
    public static Type typeArgument(Type type, Class<?> target, int index) {
        Class<?> raw = raw(type);
        if (raw == target) {
            return type instanceof ParameterizedType p ? resolve(p.getActualTypeArguments()[index], Map.of()) : Object.class;
        }
        Map<TypeVariable<?>, Type> vars = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] params = raw.getTypeParameters();
            for (int i = 0; i < params.length; i++) {
                vars.put(params[i], p.getActualTypeArguments()[i]);
            }
        }
        List<Type> supertypes = new ArrayList<>(Arrays.asList(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        for (Type s : supertypes) {
            if (target.isAssignableFrom(raw(s))) {
                return typeArgument(resolve(s, vars), target, index);
            }
        }
        return Object.class;
    }

    /** The type with its variables replaced as bound; a variable not bound stands for its bound. */
    public static Type resolve(Type type, Map<TypeVariable<?>, Type> vars) {
        if (type instanceof Class<?>) {
            return type;
        }
        if (type instanceof TypeVariable<?> v) {
            Type bound = vars.get(v);
            return bound != null ? bound : resolve(v.getBounds()[0], Map.of());
        }
        if (type instanceof WildcardType w) {
            return resolve(w.getUpperBounds()[0], vars);
        }
        if (type instanceof GenericArrayType g) {
            Type component = resolve(g.getGenericComponentType(), vars);
            return component instanceof Class<?> c ? Array.newInstance(c, 0).getClass() : new ResolvedArray(component);
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = resolve(args[i], vars);
            }
            return new Resolved((Class<?>) p.getRawType(), args, p.getOwnerType());
        }
        return Object.class;
    }

    public static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        return Object.class;
    }

    /** A parameterized type with its variables resolved; equal to the JDK's own of the same type. */
    private record Resolved(Class<?> raw, Type[] args, Type owner) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p && raw.equals(p.getRawType()) && Objects.equals(owner, p.getOwnerType())
                    && Arrays.equals(args, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getName() + Arrays.stream(args).map(Type::getTypeName).collect(Collectors.joining(", ", "<", ">"));
        }
    }

    private record ResolvedArray(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GenericArrayType g && component.equals(g.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return component.hashCode();
        }
    }
}
