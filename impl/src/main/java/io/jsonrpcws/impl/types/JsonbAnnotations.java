package io.jsonrpcws.impl.types;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether annotations may change how JSON-B maps a class: any annotation of JSON-B's or Yasson's, or one that
 * carries such an annotation (Yasson looks through annotations on annotations), on the class, a superclass, an
 * interface, one of their packages, or any of their fields, methods, constructors, parameters and record
 * components. The question is deliberately wide: such a class is left to JSON-B, which knows what each annotation
 * means. Thread-safe; keeps nothing.
 */
public final class JsonbAnnotations {

    private JsonbAnnotations() {
    }

    /** Whether JSON-B annotations reach this class, its supertypes or their members. */
    public static boolean reach(Class<?> type) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            // the Java SE API cannot carry annotations of JSON-B's, which it does not know
            if (c.isPrimitive() || c.getName().startsWith("java.") || !seen.add(c)) {
                continue;
            }
            if (annotated(c) || c.getPackage() != null && annotated(c.getPackage()) || membersAnnotated(c)) {
                return true;
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(List.of(c.getInterfaces()));
            if (c.isArray()) {
                todo.add(c.getComponentType());
            }
        }
        return false;
    }

    private static boolean membersAnnotated(Class<?> c) {
        if (c.isArray()) {
            return false;
        }
        for (AnnotatedElement e : c.getDeclaredFields()) {
            if (annotated(e)) {
                return true;
            }
        }
        for (Executable e : c.getDeclaredMethods()) {
            if (executableAnnotated(e)) {
                return true;
            }
        }
        for (Executable e : c.getDeclaredConstructors()) {
            if (executableAnnotated(e)) {
                return true;
            }
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (annotated(rc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean executableAnnotated(Executable e) {
        if (annotated(e)) {
            return true;
        }
        for (Parameter p : e.getParameters()) {
            if (annotated(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotated(AnnotatedElement element) {
        for (Annotation a : element.getDeclaredAnnotations()) {
            if (jsonb(a.annotationType(), new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    /** Whether this annotation type is JSON-B's or Yasson's, or is annotated with one, at any depth. */
    private static boolean jsonb(Class<? extends Annotation> type, Set<Class<?>> seen) {
        String name = type.getName();
        if (name.startsWith("jakarta.json.bind.") || name.startsWith("org.eclipse.yasson.")) {
            return true;
        }
        if (name.startsWith("java.lang.") || !seen.add(type)) {
            return false;
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (jsonb(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }
}
