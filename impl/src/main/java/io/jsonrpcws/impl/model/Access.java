package io.jsonrpcws.impl.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may call a method, from the {@code jakarta.annotation.security} annotations: {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll} on the method, else on the class that declares it. Read once at
 * deployment, by annotation name, so that the engine needs no Jakarta Annotations jar where no service uses them.
 *
 * @param kind  who may call
 * @param roles the roles, any one of which admits the caller; empty unless {@link Kind#ROLES}
 */
public record Access(Kind kind, Set<String> roles) {

    /** Who may call. */
    public enum Kind {
        /** Anyone, authenticated or not: no annotation, or {@code @PermitAll}. */
        ANYONE,
        /** No one: {@code @DenyAll}. */
        NOBODY,
        /** An authenticated caller with one of the roles: {@code @RolesAllowed}. */
        ROLES
    }

    /** No restriction. */
    public static final Access ANYONE = new Access(Kind.ANYONE, Set.of());

    public Access {
        roles = Set.copyOf(roles);
    }

    private static final String PACKAGE = "jakarta.annotation.security.";

    /**
     * The access rule of a service method; contradictions (two of the annotations on one element, or
     * {@code @RolesAllowed} without a role) are added to the problems.
     */
    static Access of(Method method, String where, List<String> problems) {
        Access onMethod = declared(method, where, problems);
        if (onMethod != null) {
            return onMethod;
        }
        Access onClass = declared(method.getDeclaringClass(), method.getDeclaringClass().getName(), problems);
        return onClass != null ? onClass : ANYONE;
    }

    /** The rule declared on one element, or {@code null} when it declares none. */
    private static Access declared(AnnotatedElement element, String where, List<String> problems) {
        List<Access> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Annotation a : element.getDeclaredAnnotations()) {
            String name = a.annotationType().getName();
            if (name.equals(PACKAGE + "PermitAll")) {
                found.add(ANYONE);
                names.add("@PermitAll");
            } else if (name.equals(PACKAGE + "DenyAll")) {
                found.add(new Access(Kind.NOBODY, Set.of()));
                names.add("@DenyAll");
            } else if (name.equals(PACKAGE + "RolesAllowed")) {
                String[] roles = rolesOf(a);
                if (roles.length == 0) {
                    problems.add(where + " has @RolesAllowed without a role: declare @DenyAll to allow no one");
                }
                found.add(new Access(Kind.ROLES, Set.of(roles)));
                names.add("@RolesAllowed");
            }
        }
        if (found.size() > 1) {
            problems.add(where + " declares " + String.join(" and ", names) + ": declare one of them");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String[] rolesOf(Annotation rolesAllowed) {
        try {
            return (String[]) rolesAllowed.annotationType().getMethod("value").invoke(rolesAllowed);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read " + rolesAllowed, e);
        }
    }
}
