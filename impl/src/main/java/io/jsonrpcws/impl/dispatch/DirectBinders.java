package io.jsonrpcws.impl.dispatch;

import io.jsonrpcws.impl.types.JsonbAnnotations;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Decides, once per type, whether a param's value is read by a {@link Binder} or by JSON-B, and builds the
 * binder. A type is read directly only where its mapping is JSON-B's default and fully known here: records
 * by their only, canonical constructor; beans with a public no-arg constructor whose every property is a
 * private field with a public setter, or a public field; collections, arrays, optionals and maps with string
 * keys of such types; Java's scalars, {@code BigDecimal}, {@code BigInteger} and enums. Any annotation of
 * JSON-B's on the class, its package, its supertypes or any member, generics left open and classes outside
 * the application go to JSON-B, whole. One per engine; thread-safe.
 */
final class DirectBinders {

    /** A type that JSON-B reads: the cache holds it as this, since a map holds no null. */
    private static final Binder JSONB = new Binder.Later();

    private static final Map<Class<?>, Binder> SCALARS = scalars();

    private final boolean enabled;
    private final Map<Type, Binder> cache = new ConcurrentHashMap<>();

    /** @param shapes says whether the configuration is JSON-B's default; none is read directly otherwise */
    DirectBinders(Shapes shapes) {
        this.enabled = shapes.defaultMapping();
    }

    /** The binder of the type, or {@code null} when JSON-B must read it. */
    Binder of(Type type) {
        if (!enabled) {
            return null;
        }
        Binder binder = cache.get(type);
        if (binder == null) {
            binder = build(type, new HashMap<>());
            binder = binder == null ? JSONB : binder;
            Binder raced = cache.putIfAbsent(type, binder);
            binder = raced != null ? raced : binder;
        }
        return binder == JSONB ? null : binder;
    }

    /**
     * @param building the types whose binders are being built, for the types they contain, which may contain
     *                 them again
     * @return {@code null} for a type JSON-B must read
     */
    private Binder build(Type type, Map<Type, Binder.Later> building) {
        Binder known = cache.get(type);
        if (known != null) {
            return known == JSONB ? null : known;
        }
        Binder.Later pending = building.get(type);
        if (pending != null) {
            return pending;
        }
        if (type instanceof Class<?> c) {
            Binder scalar = SCALARS.get(c);
            if (scalar != null) {
                return scalar;
            }
            if (c.isEnum()) {
                return plain(c) ? enumOf(c) : null;
            }
            if (c.isArray()) {
                Binder element = build(c.getComponentType(), building);
                return element == null ? null : new Binder.ArrayOf(element, c.getComponentType());
            }
            if (c.isRecord() || !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                Binder.Later later = new Binder.Later();
                building.put(c, later);
                Binder object = c.isRecord() ? record(c, building) : bean(c, building);
                building.remove(c);
                later.set(object);
                return object;
            }
            return null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                Binder value = build(args[0], building);
                return value == null ? null : new Binder.OptionalOf(value);
            }
            Supplier<Collection<Object>> collection = collection(raw);
            if (collection != null) {
                Binder element = build(args[0], building);
                return element == null ? null : new Binder.CollectionOf(element, collection);
            }
            Supplier<Map<Object, Object>> map = map(raw);
            if (map != null && args[0] == String.class) {
                Binder value = build(args[1], building);
                return value == null ? null : new Binder.MapOf((Binder.Scalar) SCALARS.get(String.class), value, map);
            }
        }
        // type variables, wildcards, generic arrays and classes of the application's that are generic
        return null;
    }

    /** Yasson's {@code CollectionInstanceCreator}: the classes it creates for these types; others go to JSON-B. */
    private static Supplier<Collection<Object>> collection(Class<?> raw) {
        if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
            return ArrayList::new;
        }
        if (raw == Set.class || raw == HashSet.class) {
            return HashSet::new;
        }
        if (raw == SortedSet.class || raw == NavigableSet.class || raw == TreeSet.class) {
            return TreeSet::new;
        }
        if (raw == Queue.class || raw == Deque.class || raw == ArrayDeque.class) {
            return ArrayDeque::new;
        }
        if (raw == LinkedList.class) {
            return LinkedList::new;
        }
        if (raw == LinkedHashSet.class) {
            return LinkedHashSet::new;
        }
        return null;
    }

    /** Yasson's {@code MapInstanceCreator} with the default configuration's map class. */
    private static Supplier<Map<Object, Object>> map(Class<?> raw) {
        if (raw == Map.class || raw == HashMap.class) {
            return HashMap::new;
        }
        if (raw == SortedMap.class || raw == NavigableMap.class || raw == TreeMap.class) {
            return TreeMap::new;
        }
        if (raw == ConcurrentMap.class || raw == ConcurrentHashMap.class) {
            return ConcurrentHashMap::new;
        }
        if (raw == LinkedHashMap.class) {
            return LinkedHashMap::new;
        }
        return null;
    }

    private static Binder enumOf(Class<?> c) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<? extends Enum> type = (Class<? extends Enum>) c;
        @SuppressWarnings("unchecked")
        Binder binder = new Binder.Text(text -> Enum.valueOf(type, text));
        return binder;
    }

    // ---- records

    private Binder record(Class<?> c, Map<Type, Binder.Later> building) {
        Constructor<?>[] constructors = c.getDeclaredConstructors();
        RecordComponent[] components = c.getRecordComponents();
        // Yasson takes a record's constructor only when it is the only one
        if (!plain(c) || constructors.length != 1 || !Modifier.isPublic(constructors[0].getModifiers())) {
            return null;
        }
        Constructor<?> canonical = constructors[0];
        Class<?>[] types = canonical.getParameterTypes();
        if (types.length != components.length) {
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        Binder[] binders = new Binder[components.length];
        Object[] defaults = new Object[components.length];
        boolean[] primitive = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            if (rc.getType() != types[i]) {
                return null;
            }
            binders[i] = build(rc.getGenericType(), building);
            if (binders[i] == null) {
                return null;
            }
            index.put(rc.getName(), i);
            defaults[i] = absent(rc.getType());
            primitive[i] = rc.getType().isPrimitive();
        }
        try {
            MethodHandle constructor = MethodHandles.publicLookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Binder.RecordOf(new Binder.Members(Map.copyOf(index), binders), defaults, primitive, constructor);
        } catch (IllegalAccessException notPublic) {
            return null;
        }
    }

    /** Yasson's {@code DEFAULT_CREATOR_VALUES}: what it passes for a parameter not sent. */
    private static Object absent(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\u0000';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (type == OptionalLong.class) {
            return OptionalLong.empty();
        }
        if (type == OptionalDouble.class) {
            return OptionalDouble.empty();
        }
        return null;
    }

    // ---- beans

    /**
     * A bean whose properties are plain: each non-static field either public (and no method of its name) or
     * private, protected or package-private with one public setter of the field's type; no transient
     * field, no setter without its field. Whatever is less plain, where Yasson's visibility and naming rules
     * would need repeating in full, goes to JSON-B.
     */
    private Binder bean(Class<?> c, Map<Type, Binder.Later> building) {
        if (!plain(c) || c.getTypeParameters().length > 0 || c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            return null;
        }
        Constructor<?> noArgs;
        try {
            noArgs = c.getConstructor();
        } catch (NoSuchMethodException none) {
            return null;
        }
        for (Constructor<?> constructor : c.getDeclaredConstructors()) {
            // Yasson takes a @ConstructorProperties constructor for a creator
            for (Annotation a : constructor.getDeclaredAnnotations()) {
                if (a.annotationType().getName().equals("java.beans.ConstructorProperties")) {
                    return null;
                }
            }
        }
        Map<String, Field> fields = new HashMap<>();
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            if (k != c && (!plain(k) || k.getTypeParameters().length > 0)) {
                return null;
            }
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || f.isSynthetic()) {
                    continue;
                }
                if (Modifier.isTransient(m) || fields.put(f.getName(), f) != null) {
                    return null;
                }
            }
        }
        Map<String, Method> setters = new HashMap<>();
        for (Method method : c.getMethods()) {
            String name = method.getName();
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class || name.length() <= 3
                    || !name.startsWith("set")) {
                continue;
            }
            String property = property(name);
            Field field = property == null ? null : fields.get(property);
            if (field == null || Modifier.isPublic(field.getModifiers()) || method.getParameterCount() != 1 || method.isBridge()
                    || !method.getGenericParameterTypes()[0].equals(field.getGenericType())
                    || setters.put(property, method) != null) {
                return null;
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<Binder> binders = new ArrayList<>();
        List<MethodHandle> handles = new ArrayList<>();
        MethodType setter = MethodType.methodType(void.class, Object.class, Object.class);
        try {
            for (Field f : fields.values()) {
                MethodHandle handle;
                if (Modifier.isPublic(f.getModifiers())) {
                    if (Modifier.isFinal(f.getModifiers()) || hasAccessor(c, f.getName())) {
                        return null;
                    }
                    handle = MethodHandles.publicLookup().unreflectSetter(f);
                } else if (setters.containsKey(f.getName())) {
                    handle = MethodHandles.publicLookup().unreflect(setters.get(f.getName()));
                } else {
                    continue;
                }
                Binder binder = build(f.getGenericType(), building);
                if (binder == null) {
                    return null;
                }
                index.put(f.getName(), binders.size());
                binders.add(binder);
                handles.add(handle.asType(setter));
            }
            MethodHandle constructor = MethodHandles.publicLookup().unreflectConstructor(noArgs)
                    .asType(MethodType.methodType(Object.class));
            return new Binder.BeanOf(new Binder.Members(Map.copyOf(index), binders.toArray(Binder[]::new)), constructor,
                    handles.toArray(MethodHandle[]::new));
        } catch (IllegalAccessException notPublic) {
            return null;
        }
    }

    /**
     * The property a setter sets, when its name is {@code set} and the property's name capitalized the simple
     * way; {@code null} for names like {@code setURL}, which JavaBeans and Yasson might decapitalize otherwise.
     */
    private static String property(String setter) {
        String rest = setter.substring(3);
        if (!Character.isUpperCase(rest.charAt(0)) || rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
            return null;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    /** Whether any method of the class could be an accessor of this property: then it is not plain. */
    private static boolean hasAccessor(Class<?> c, String property) {
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                String name = m.getName();
                if (name.equals("get" + capitalized) || name.equals("set" + capitalized) || name.equals("is" + capitalized)
                        || name.equals(property)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- what makes a class the application's own and JSON-B's defaults its mapping

    /**
     * Whether the class is public (as are the classes it is nested in), not Java's own, and no annotation of
     * JSON-B's reaches it ({@link JsonbAnnotations}).
     */
    private static boolean plain(Class<?> c) {
        String name = c.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !JsonbAnnotations.reach(c);
    }

    // ---- Java's scalars: Yasson's TypeDeserializers

    private static Map<Class<?>, Binder> scalars() {
        Map<Class<?>, Binder> m = new HashMap<>();
        Binder.Scalar strings = new Binder.Text(text -> text);
        Binder.Scalar ints = new Binder.Numeric(Integer::parseInt, ReplayParser::getInt);
        Binder.Scalar longs = new Binder.Numeric(Long::parseLong, ReplayParser::getLong);
        Binder.Scalar doubles = new Binder.Numeric(Double::parseDouble, null);
        Binder.Scalar booleans = new Binder.Bool();
        Binder.Scalar chars = new Binder.Text(text -> text.charAt(0));
        m.put(String.class, strings);
        m.put(int.class, ints);
        m.put(Integer.class, ints);
        m.put(long.class, longs);
        m.put(Long.class, longs);
        m.put(double.class, doubles);
        m.put(Double.class, doubles);
        m.put(boolean.class, booleans);
        m.put(Boolean.class, booleans);
        m.put(char.class, chars);
        m.put(Character.class, chars);
        Binder.Scalar shorts = new Binder.Numeric(Short::parseShort, null);
        m.put(short.class, shorts);
        m.put(Short.class, shorts);
        Binder.Scalar bytes = new Binder.Numeric(Byte::parseByte, null);
        m.put(byte.class, bytes);
        m.put(Byte.class, bytes);
        Binder.Scalar floats = new Binder.Numeric(Float::parseFloat, null);
        m.put(float.class, floats);
        m.put(Float.class, floats);
        m.put(BigDecimal.class, new Binder.Numeric(BigDecimal::new, null));
        m.put(BigInteger.class, new Binder.Numeric(BigInteger::new, null));
        m.put(Number.class, new Binder.Text(BigDecimal::new));
        m.put(OptionalInt.class, Binder.OptionalNumber.ofInt(ints));
        m.put(OptionalLong.class, Binder.OptionalNumber.ofLong(longs));
        m.put(OptionalDouble.class, Binder.OptionalNumber.ofDouble(doubles));
        return Map.copyOf(m);
    }
}
