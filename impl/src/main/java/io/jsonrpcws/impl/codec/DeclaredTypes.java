package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.types.Generics;
import io.jsonrpcws.impl.types.JsonbAnnotations;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether Yasson writes a value declared with some type (a property's, an element's) exactly as it writes a value
 * of the same runtime class declared {@code Object}, which is how the fast path writes every value: by its class.
 * Yasson picks a writer by the declared type where one of its own type serializers matches it, so {@code Number}
 * (which prints {@code 1e20} as {@code 1.0E+20} where {@code Double} prints {@code 1.0E20}), {@code Date},
 * {@code Calendar}, {@code Path} and other types that such a serializer covers along with their subclasses are
 * not written as their values' classes would be. Type arguments and the bounds of type variables count too: Yasson
 * resolves a member declared {@code T} to what the enclosing declaration binds it to. Types that annotations
 * customize are refused as well, since Yasson honours annotations found through the declared type.
 */
final class DeclaredTypes {

    /** Types Yasson's {@code TypeSerializers} knows, that also stand for subclasses of theirs it would write the same. */
    private static final Set<String> SERIALIZED_WITH_SUBCLASSES = Set.of(
            "java.lang.Number", "java.util.Calendar", "java.util.Date", "java.util.TimeZone", "java.time.ZoneId",
            "java.nio.file.Path", "javax.xml.datatype.XMLGregorianCalendar", "java.sql.Date", "java.sql.Timestamp");

    private DeclaredTypes() {
    }

    /**
     * Whether values declared with this type are written as their runtime classes are.
     *
     * @param bindings what the class being written binds the type variables of its supertypes to
     */
    static boolean writtenAsRuntime(Type declared, Map<TypeVariable<?>, Type> bindings) {
        return fits(declared, bindings, new HashSet<>());
    }

    private static boolean fits(Type type, Map<TypeVariable<?>, Type> bindings,
                                Set<TypeVariable<?>> seen) {
        if (type instanceof Class<?> c) {
            return fits(c);
        }
        if (type instanceof ParameterizedType p) {
            if (!fits(Generics.raw(p))) {
                return false;
            }
            for (Type argument : p.getActualTypeArguments()) {
                if (!fits(argument, bindings, seen)) {
                    return false;
                }
            }
            return true;
        }
        if (type instanceof GenericArrayType g) {
            return fits(g.getGenericComponentType(), bindings, seen);
        }
        if (type instanceof WildcardType w) {
            // a lower bound may become the type Yasson writes elements as: leave such types to it
            return w.getLowerBounds().length == 0 && allFit(w.getUpperBounds(), bindings, seen);
        }
        if (type instanceof TypeVariable<?> v) {
            if (!seen.add(v)) {
                return true;
            }
            Type bound = bindings.get(v);
            // unbound, Yasson takes it for Object or for its first bound: both must be written as the runtime class
            return bound != null ? fits(bound, bindings, seen) : allFit(v.getBounds(), bindings, seen);
        }
        return false;
    }

    private static boolean allFit(Type[] types, Map<TypeVariable<?>, Type> bindings,
                                  Set<TypeVariable<?>> seen) {
        for (Type t : types) {
            if (!fits(t, bindings, seen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Class<?> c) {
        if (c == Object.class || c.isPrimitive() || c == BigDecimal.class || c == BigInteger.class) {
            return true;
        }
        if (c.isArray()) {
            return fits(c.getComponentType());
        }
        for (Class<?> s = c; s != null && s != Object.class; s = s.getSuperclass()) {
            if (SERIALIZED_WITH_SUBCLASSES.contains(s.getName()) && !Modifier.isFinal(c.getModifiers())) {
                return false;
            }
        }
        return !JsonbAnnotations.reach(c);
    }
}
