package io.jsonrpcws.impl.codec;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * The properties Yasson 3 writes for a class that no annotation customizes, with a default configuration, in the
 * order it writes them. Follows Yasson's {@code ClassParser} and {@code PropertyModel}:
 * <ul>
 * <li>a property per declared field (synthetic ones aside), per method named {@code get..} or {@code is..} without
 * parameters (any return type, static or not; {@code getURL} is {@code URL}, {@code getUrl} is {@code url}), per
 * method named {@code set..} with one, and per default getter of an interface that the class does not implement
 * itself; a record's methods keep their own names ({@code name()} is {@code name}, {@code getName()} is
 * {@code getName});</li>
 * <li>a property is read through its getter when that is public and not static, else through its field when the
 * field is public and any getter is public; a {@code static} or {@code transient} field makes its property
 * unreadable, getter or not;</li>
 * <li>a superclass's properties come first, in its own order, then the class's own, sorted by name; a property
 * the class redeclares moves to the class's own when the class's declaration alone is readable, and stays at the
 * superclass's place otherwise.</li>
 * </ul>
 * What depends on the order in which reflection lists methods (two getters for one property, two interfaces with
 * a default getter of one name), getters without a result or without a name, and what Yasson leaves aside for
 * Groovy, are {@link Refused}: JSON-B writes such classes itself.
 */
final class YassonProperties {

    /** A property Yasson writes: its name, the getter or field it reads, and the type it declares. */
    record Readable(String name, Member member, Type declaredType) {
    }

    /** Thrown when the class is one that JSON-B should write itself; the message says why. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private YassonProperties() {
    }

    /** The readable properties of this class, in Yasson's order. */
    static List<Readable> of(Class<?> type) throws Refused {
        List<Readable> readable = new ArrayList<>();
        for (Model m : sorted(type)) {
            Member reader = m.reader();
            if (reader != null) {
                if (reader instanceof Method getter && getter.getReturnType() == void.class) {
                    throw new Refused("its getter " + getter.getName() + " returns nothing");
                }
                readable.add(new Readable(m.name, reader,
                        reader instanceof Method getter ? getter.getGenericReturnType() : ((Field) reader).getGenericType()));
            }
        }
        return readable;
    }

    /** A property being collected: what Yasson's {@code Property} holds. */
    private static final class Prop {
        final String name;
        Field field;
        Method getter;

        Prop(String name) {
            this.name = name;
        }
    }

    /** A property as Yasson models it; {@link #reader} is what it reads, or {@code null} when it is not readable. */
    private record Model(String name, Field field, Method getter) {

        Member reader() {
            return readSource(field, getter);
        }
    }

    /** Yasson's {@code PropertyModel.createReadHandle} under the default visibility strategy. */
    private static Member readSource(Field field, Method getter) {
        if (field != null && (field.getModifiers() & (Modifier.TRANSIENT | Modifier.STATIC)) != 0) {
            return null;
        }
        if (getter != null && Modifier.isPublic(getter.getModifiers()) && !Modifier.isStatic(getter.getModifiers())) {
            return getter;
        }
        if (field != null && (getter == null || Modifier.isPublic(getter.getModifiers())) && Modifier.isPublic(field.getModifiers())) {
            return field;
        }
        return null;
    }

    /** Yasson's {@code ClassModel.getSortedProperties()}: the superclass's, then the class's own. */
    private static List<Model> sorted(Class<?> type) throws Refused {
        Class<?> superclass = type.getSuperclass();
        List<Model> inherited = superclass == null || superclass == Object.class || superclass == Record.class
                ? List.of() : sorted(superclass);
        Map<String, Prop> own = new HashMap<>();
        fields(type, own);
        methods(type, own);
        interfaceDefaults(type, own);
        List<Model> sorted = new ArrayList<>();
        for (Model parent : inherited) {
            Prop current = own.get(parent.name());
            if (current == null) {
                sorted.add(parent);
                continue;
            }
            Model merged = new Model(parent.name(), current.field != null ? current.field : parent.field(),
                    mostSpecificNonDefault(current.getter, parent.getter()));
            if (readSource(current.field, current.getter) != null) {
                Prop replaced = new Prop(merged.name());
                replaced.field = merged.field();
                replaced.getter = merged.getter();
                own.put(merged.name(), replaced);
            } else {
                sorted.add(merged);
                own.remove(merged.name());
            }
        }
        own.values().stream().sorted(Comparator.comparing((Prop p) -> p.name))
                .forEach(p -> sorted.add(new Model(p.name, p.field, p.getter)));
        return sorted;
    }

    private static Method mostSpecificNonDefault(Method current, Method parent) {
        return current != null ? (parent != null && current.isDefault() && !parent.isDefault() ? parent : current) : parent;
    }

    private static void fields(Class<?> type, Map<String, Prop> own) {
        for (Field f : type.getDeclaredFields()) {
            if (!f.isSynthetic()) {
                own.computeIfAbsent(f.getName(), Prop::new).field = f;
            }
        }
    }

    private static void methods(Class<?> type, Map<String, Prop> own) throws Refused {
        for (Method m : type.getDeclaredMethods()) {
            boolean recordAccessor = type.isRecord() && m.getParameterCount() == 0 && m.getReturnType() != void.class
                    && own.containsKey(m.getName());
            if (!recordAccessor && !isGetter(m) && !isSetter(m) || m.isBridge()) {
                continue;
            }
            if (groovyMetaClass(m)) {
                throw new Refused("it is a Groovy object");
            }
            String name = type.isRecord() ? m.getName() : propertyName(m.getName());
            if (!isSetter(m)) {
                getter(own, name, m);
            }
        }
    }

    private static void getter(Map<String, Prop> own, String name, Method m) throws Refused {
        if (name.isEmpty()) {
            throw new Refused("its method " + m.getName() + " names no property");
        }
        Prop p = own.computeIfAbsent(name, Prop::new);
        if (p.getter != null) {
            throw new Refused("its property " + name + " has two getters, " + p.getter.getName() + " and " + m.getName()
                    + ", and which one JSON-B uses depends on reflection's order");
        }
        p.getter = m;
    }

    private static void interfaceDefaults(Class<?> type, Map<String, Prop> own) throws Refused {
        Map<String, Method> defaults = new HashMap<>();
        for (Class<?> ifc : interfaces(type)) {
            for (Method m : ifc.getDeclaredMethods()) {
                if (!m.isDefault() || !isGetter(m)) {
                    continue;
                }
                String name = propertyName(m.getName());
                Method other = defaults.putIfAbsent(name, m);
                if (other != null && !other.equals(m)) {
                    throw new Refused("two of its interfaces have a default getter of " + name);
                }
                Prop p = own.get(name);
                if (p == null) {
                    getter(own, name, m);
                } else if (p.getter == null) {
                    p.getter = m;
                }
            }
        }
    }

    /** Yasson's {@code collectInterfaces}: the class's interfaces and theirs, breadth first. */
    private static Set<Class<?>> interfaces(Class<?> type) {
        Set<Class<?>> collected = new LinkedHashSet<>();
        Queue<Class<?>> todo = new ArrayDeque<>(Arrays.asList(type.getInterfaces()));
        Class<?> next;
        while ((next = todo.poll()) != null) {
            collected.add(next);
            todo.addAll(Arrays.asList(next.getInterfaces()));
        }
        return collected;
    }

    private static boolean isGetter(Method m) {
        return (m.getName().startsWith("get") || m.getName().startsWith("is")) && m.getParameterCount() == 0;
    }

    private static boolean isSetter(Method m) {
        return m.getName().startsWith("set") && m.getParameterCount() == 1;
    }

    private static boolean groovyMetaClass(Method m) {
        return m.getName().equals("getMetaClass") && m.getReturnType().getName().equals("groovy.lang.MetaClass");
    }

    /** Yasson's {@code toPropertyMethod}: the name after {@code is}, {@code get} or {@code set}, first letter lowered. */
    static String propertyName(String method) {
        String name = method.substring(method.startsWith("is") ? 2 : 3);
        if (name.isEmpty() || name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
