package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.model.MethodDescription;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether service methods carry Bean Validation annotations: a constraint or {@code @Valid} on the method, a
 * parameter or a type argument of one ({@code List<@Valid Line>}), here or on a method it overrides. Decides
 * only whether a validator factory is worth building where the deployment has none; the validator's own
 * metadata then decides which methods are checked.
 */
final class ConstraintScan {

    private ConstraintScan() {
    }

    /** The methods that carry such annotations, as {@code Service#method}. */
    static List<String> marked(List<MethodDescription> methods) {
        List<String> marked = new ArrayList<>();
        for (MethodDescription d : methods) {
            if (marked(d)) {
                marked.add(d.javaName());
            }
        }
        return marked;
    }

    private static boolean marked(MethodDescription d) {
        for (Method m : withOverridden(d.service(), d.method())) {
            if (marked(m.getAnnotations())) {
                return true;
            }
            for (Parameter p : m.getParameters()) {
                if (marked(p.getAnnotations()) || marked(p.getAnnotatedType())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The method and those of the same signature in the service's superclasses and interfaces. */
    private static List<Method> withOverridden(Class<?> service, Method method) {
        List<Method> found = new ArrayList<>();
        Deque<Class<?>> types = new ArrayDeque<>(List.of(service));
        Set<Class<?>> seen = new HashSet<>();
        while (!types.isEmpty()) {
            Class<?> type = types.pop();
            if (type == Object.class || !seen.add(type)) {
                continue;
            }
            try {
                found.add(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException notHere) {
                // declared higher up, or not at all
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(Arrays.asList(type.getInterfaces()));
        }
        return found;
    }

    private static boolean marked(AnnotatedType type) {
        if (marked(type.getAnnotations())) {
            return true;
        }
        if (type instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType argument : p.getAnnotatedActualTypeArguments()) {
                if (marked(argument)) {
                    return true;
                }
            }
        } else if (type instanceof AnnotatedArrayType a) {
            return marked(a.getAnnotatedGenericComponentType());
        } else if (type instanceof AnnotatedWildcardType w) {
            for (AnnotatedType bound : w.getAnnotatedUpperBounds()) {
                if (marked(bound)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean marked(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof Valid || isConstraint(a.annotationType()) || isConstraintList(a.annotationType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConstraint(Class<? extends Annotation> type) {
        return type.isAnnotationPresent(Constraint.class);
    }

    /** The container of a repeated constraint, {@code @Size.List}: its {@code value} holds constraints. */
    private static boolean isConstraintList(Class<? extends Annotation> type) {
        try {
            Class<?> value = type.getMethod("value").getReturnType();
            return value.isArray() && value.getComponentType().isAnnotation()
                    && value.getComponentType().isAnnotationPresent(Constraint.class);
        } catch (NoSuchMethodException noValue) {
            return false;
        }
    }
}
