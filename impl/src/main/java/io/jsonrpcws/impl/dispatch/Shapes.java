package io.jsonrpcws.impl.dispatch;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbNumberFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser.Event;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static io.jsonrpcws.impl.types.Generics.raw;
import static io.jsonrpcws.impl.types.Generics.resolve;
import static io.jsonrpcws.impl.types.Generics.typeArgument;
import static io.jsonrpcws.impl.types.Generics.variables;

/**
 * Builds the {@link Shape} of Java types as JSON-B binds them by default: records by their components,
 * classes by their public fields, setters and {@code @JsonbCreator} parameters, under their
 * {@code @JsonbProperty} names; collections and arrays by their elements, maps by their values, generics
 * resolved. Whatever the application customizes (adapters, deserializers, number formats, polymorphism)
 * is {@link Shape#ANY}: never checked, left to JSON-B. One per engine; thread-safe.
 */
public final class Shapes {

    /** How JSON member names are matched to Java properties. */
    enum Naming {
        /** The configuration is known and names are the Java names or their {@code @JsonbProperty}. */
        EXACT,
        /**
         * A naming strategy, or one unknown (the application's own {@code Jsonb}): a name that matches no
         * property exactly is matched ignoring case, '_', '-' and spaces, which is how every standard
         * strategy differs from the Java name; a name that matches two properties so is not checked.
         */
        LOOSE;

        static String loose(String name) {
            StringBuilder out = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c != '_' && c != '-' && c != ' ') {
                    out.append(Character.toLowerCase(c));
                }
            }
            return out.toString();
        }

        static Map<String, Shape> loosely(Map<String, Shape> exact) {
            Map<String, Shape> byLoose = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            exact.forEach((name, shape) -> {
                String key = loose(name);
                if (byLoose.putIfAbsent(key, shape) != null) {
                    ambiguous.add(key);
                }
            });
            byLoose.keySet().removeAll(ambiguous);
            return Map.copyOf(byLoose);
        }
    }

    private static final Map<Class<?>, Shape> SCALARS = scalars();

    private final Set<Class<?>> customized;
    private final Naming naming;
    private final PropertyNamingStrategy strategy;
    private final boolean defaultMapping;
    private final Map<Type, Shape> cache = new ConcurrentHashMap<>();

    private Shapes(Set<Class<?>> customized, Naming naming, PropertyNamingStrategy strategy, boolean defaultMapping) {
        this.customized = customized;
        this.naming = naming;
        this.strategy = strategy;
        this.defaultMapping = defaultMapping;
    }

    /**
     * The configuration properties that leave how JSON-B reads values as it is by default: they shape only
     * the text JSON-B writes.
     */
    private static final Set<String> WRITING_ONLY = Set.of(JsonbConfig.FORMATTING, JsonbConfig.ENCODING);

    /** For a JSON-B built from this configuration. */
    public static Shapes of(JsonbConfig config) {
        Set<Class<?>> customized = new HashSet<>();
        config.getProperty(JsonbConfig.ADAPTERS).ifPresent(adapters -> {
            for (Object adapter : (Object[]) adapters) {
                customized.add(raw(typeArgument(adapter.getClass(), JsonbAdapter.class, 0)));
            }
        });
        config.getProperty(JsonbConfig.DESERIALIZERS).ifPresent(deserializers -> {
            for (Object deserializer : (Object[]) deserializers) {
                customized.add(raw(typeArgument(deserializer.getClass(), JsonbDeserializer.class, 0)));
            }
        });
        boolean defaultMapping = WRITING_ONLY.containsAll(config.getAsMap().keySet());
        Object strategy = config.getProperty(JsonbConfig.PROPERTY_NAMING_STRATEGY).orElse(PropertyNamingStrategy.IDENTITY);
        if (strategy instanceof PropertyNamingStrategy custom) {
            return new Shapes(Set.copyOf(customized), Naming.EXACT, custom, false);
        }
        return new Shapes(Set.copyOf(customized), PropertyNamingStrategy.IDENTITY.equals(strategy) ? Naming.EXACT : Naming.LOOSE,
                null, defaultMapping);
    }

    /**
     * For the application's own JSON-B, whose configuration cannot be read: names are matched loosely, and
     * adapters or deserializers it registers for Java's number types are not known (such a number is
     * checked as the type's own).
     */
    public static Shapes unknownConfiguration() {
        return new Shapes(Set.of(), Naming.LOOSE, null, false);
    }

    /**
     * Whether JSON-B reads values exactly as it does by default: a configuration that sets nothing that changes
     * reading (no adapters, deserializers, naming or ordering strategy, visibility, formats, binary data or
     * creator strategy; formatting and encoding are about writing), and known. Then the only customizations
     * are the application's annotations on its types, and a binder that reads a type its own way when none
     * applies reads it as JSON-B does. Whether a type is annotated is the binder's to check.
     */
    boolean defaultMapping() {
        return defaultMapping;
    }

    /** The shape of values of this type. */
    public Shape of(Type type) {
        Shape shape = cache.get(type);
        if (shape == null) {
            shape = build(type);
            Shape raced = cache.putIfAbsent(type, shape);
            shape = raced != null ? raced : shape;
        }
        return shape;
    }

    private Shape build(Type type) {
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?>) {
            return Shape.ANY;
        }
        if (type instanceof GenericArrayType g) {
            return new Shape.ArrayOf(() -> of(g.getGenericComponentType()));
        }
        Class<?> raw = raw(type);
        Shape scalar = SCALARS.get(raw);
        if (scalar != null) {
            return customized(raw) ? Shape.ANY : scalar;
        }
        if (customized(raw) || raw == Object.class || JsonValue.class.isAssignableFrom(raw) || annotatedAway(raw)) {
            return Shape.ANY;
        }
        if (raw.isEnum()) {
            return new Shape.Scalar(oneOf(raw), Event.VALUE_STRING, false);
        }
        if (raw == Optional.class) {
            return of(typeArgument(type, Optional.class, 0));
        }
        if (raw.isArray()) {
            return new Shape.ArrayOf(() -> of(raw.getComponentType()));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = typeArgument(type, Collection.class, 0);
            return new Shape.ArrayOf(() -> of(element));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = typeArgument(type, Map.class, 1);
            return new Shape.MapOf(() -> of(value));
        }
        if (raw.isInterface() || raw.isPrimitive() || Modifier.isAbstract(raw.getModifiers())
                || raw.getName().startsWith("java.") || raw.getName().startsWith("javax.")) {
            return Shape.ANY;
        }
        return new Shape.Obj(() -> members(type, raw), naming);
    }

    private boolean customized(Class<?> raw) {
        for (Class<?> c : customized) {
            if (c.isAssignableFrom(raw)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotatedAway(Class<?> raw) {
        return customizing(raw) || raw.isAnnotationPresent(JsonbTypeInfo.class)
                || raw.getPackage() != null && raw.getPackage().isAnnotationPresent(JsonbNumberFormat.class);
    }

    /** Whether annotations make JSON-B map this element its own way. */
    private static boolean customizing(AnnotatedElement element) {
        return element.isAnnotationPresent(JsonbTypeAdapter.class) || element.isAnnotationPresent(JsonbTypeDeserializer.class)
                || element.isAnnotationPresent(JsonbNumberFormat.class);
    }

    private static String oneOf(Class<?> enumType) {
        Object[] constants = enumType.getEnumConstants();
        String names = Arrays.stream(constants).limit(20).map(c -> "\"" + ((Enum<?>) c).name() + "\"")
                .collect(Collectors.joining(", "));
        return constants.length > 20 ? "one of " + names + ", ..." : "one of " + names;
    }

    /** The members JSON-B reads into an object of this type, by the names it reads them under. */
    private Map<String, Shape> members(Type type, Class<?> raw) {
        Map<TypeVariable<?>, Type> vars = variables(type);
        Map<String, Member> members = new HashMap<>();
        Executable creator = creator(raw);
        if (creator != null) {
            RecordComponent[] components = canonical(raw, creator) ? raw.getRecordComponents() : null;
            Parameter[] params = creator.getParameters();
            for (int i = 0; i < params.length; i++) {
                Parameter p = params[i];
                List<AnnotatedElement> annotated = new ArrayList<>(List.of(p));
                String name = p.isNamePresent() ? p.getName() : null;
                Type memberType = p.getParameterizedType();
                if (components != null) {
                    // a compact canonical constructor's parameters may lack their generic types; the components have them
                    name = components[i].getName();
                    memberType = components[i].getGenericType();
                    annotated.add(components[i].getAccessor());
                    field(raw, name).ifPresent(annotated::add);
                }
                add(members, name, memberType, vars, annotated);
            }
        }
        if (raw.isRecord()) {
            return shapes(members);
        }
        // the creator's parameters come first and win over properties of the same name, as in JSON-B
        for (Field f : raw.getFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !Modifier.isFinal(m)) {
                add(members, f.getName(), f.getGenericType(), vars, List.of(f));
            }
        }
        for (Method setter : raw.getMethods()) {
            String name = setter.getName();
            if (name.length() > 3 && name.startsWith("set") && setter.getParameterCount() == 1
                    && !Modifier.isStatic(setter.getModifiers()) && !setter.isBridge()) {
                String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                List<AnnotatedElement> annotated = new ArrayList<>(List.of(setter));
                field(raw, property).ifPresent(annotated::add);
                add(members, property, setter.getGenericParameterTypes()[0], vars, annotated);
            }
        }
        return shapes(members);
    }

    private static boolean canonical(Class<?> raw, Executable creator) {
        return raw.isRecord() && creator instanceof Constructor<?> && Arrays.equals(creator.getParameterTypes(),
                Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getType).toArray());
    }

    private record Member(Type type, boolean customized) {
    }

    private void add(Map<String, Member> members, String javaName, Type type, Map<TypeVariable<?>, Type> vars,
                     List<AnnotatedElement> annotated) {
        String explicit = null;
        boolean custom = false;
        for (AnnotatedElement element : annotated) {
            if (element.isAnnotationPresent(JsonbTransient.class)) {
                return;
            }
            JsonbProperty property = element.getAnnotation(JsonbProperty.class);
            if (explicit == null && property != null && !property.value().isEmpty()) {
                explicit = property.value();
            }
            custom |= customizing(element);
        }
        String name = explicit != null ? explicit
                : javaName == null ? null
                : strategy != null ? strategy.translateName(javaName) : javaName;
        if (name != null) {
            members.putIfAbsent(name, new Member(resolve(type, vars), custom));
        }
    }

    private Map<String, Shape> shapes(Map<String, Member> members) {
        Map<String, Shape> shapes = new HashMap<>();
        members.forEach((name, member) -> shapes.put(name, member.customized() ? Shape.ANY : new LazyShape(() -> of(member.type()))));
        return Map.copyOf(shapes);
    }

    /** A member's shape, built when a value for it first comes. */
    private static final class LazyShape extends Shape {
        private final Shape.Lazy shape;

        LazyShape(java.util.function.Supplier<Shape> make) {
            this.shape = new Shape.Lazy(make);
        }

        @Override
        String expected() {
            return shape.get().expected();
        }

        @Override
        boolean fits(Event e) {
            return shape.get().fits(e);
        }

        @Override
        boolean refuses(Event e) {
            return shape.get().refuses(e);
        }

        @Override
        String check(Event e, ReplayParser parser) {
            return shape.get().check(e, parser);
        }

        @Override
        Shape element() {
            return shape.get().element();
        }

        @Override
        Shape member(String key) {
            return shape.get().member(key);
        }
    }

    /** The {@code @JsonbCreator}, or a record's canonical constructor; {@code null} for none. */
    private static Executable creator(Class<?> raw) {
        for (Constructor<?> c : raw.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(JsonbCreator.class)) {
                return c;
            }
        }
        for (Method m : raw.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonbCreator.class) && Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        if (raw.isRecord()) {
            Class<?>[] types = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return raw.getDeclaredConstructor(types);
            } catch (NoSuchMethodException impossible) {
                return null;
            }
        }
        return null;
    }

    private static Optional<Field> field(Class<?> raw, String name) {
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return Optional.of(c.getDeclaredField(name));
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return Optional.empty();
    }

    // ---- the scalars JSON-B maps itself

    private static Map<Class<?>, Shape> scalars() {
        Map<Class<?>, Shape> m = new HashMap<>();
        Shape bytes = new Shape.Whole(Byte.MIN_VALUE, Byte.MAX_VALUE, true);
        Shape shorts = new Shape.Whole(Short.MIN_VALUE, Short.MAX_VALUE, true);
        Shape ints = new Shape.Whole(Integer.MIN_VALUE, Integer.MAX_VALUE, false);
        Shape longs = new Shape.Whole(Long.MIN_VALUE, Long.MAX_VALUE, false);
        Shape doubles = new Shape.Finite(false);
        Shape floats = new Shape.Finite(true);
        put(m, bytes, byte.class, Byte.class);
        put(m, shorts, short.class, Short.class);
        put(m, ints, int.class, Integer.class, OptionalInt.class);
        put(m, longs, long.class, Long.class, OptionalLong.class);
        put(m, doubles, double.class, Double.class, OptionalDouble.class);
        put(m, floats, float.class, Float.class);
        put(m, new Shape.Scalar("true or false", Event.VALUE_TRUE, false), boolean.class, Boolean.class);
        put(m, new Shape.Scalar("a string of one character", Event.VALUE_STRING, true), char.class, Character.class);
        put(m, new Shape.Scalar("a whole number", Event.VALUE_NUMBER, false), BigInteger.class);
        put(m, new Shape.Scalar("a number", Event.VALUE_NUMBER, false), BigDecimal.class, Number.class);
        Shape text = new Shape.Scalar("a string", Event.VALUE_STRING, false);
        put(m, text, String.class, java.util.UUID.class, java.net.URI.class, java.net.URL.class, java.nio.file.Path.class,
                java.util.Calendar.class, java.util.GregorianCalendar.class, java.util.Date.class, java.util.TimeZone.class,
                java.util.SimpleTimeZone.class);
        put(m, text, java.time.Instant.class, java.time.LocalDate.class, java.time.LocalTime.class, java.time.LocalDateTime.class,
                java.time.OffsetDateTime.class, java.time.OffsetTime.class, java.time.ZonedDateTime.class, java.time.ZoneId.class,
                java.time.ZoneOffset.class, java.time.Duration.class, java.time.Period.class, java.time.MonthDay.class,
                java.time.YearMonth.class);
        return Map.copyOf(m);
    }

    private static void put(Map<Class<?>, Shape> m, Shape shape, Class<?>... types) {
        for (Class<?> t : types) {
            m.put(t, shape);
        }
    }
}
