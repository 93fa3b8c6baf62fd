package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.types.Generics;
import io.jsonrpcws.impl.types.JsonbAnnotations;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;

import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes results, items, params and error data: with a fast path for the classes it knows that JSON-B would write
 * its default way, and with JSON-B for everything else, including values of other classes nested in theirs.
 *
 * <p>The fast path is taken only where it writes exactly what JSON-B would: when JSON-B is Yasson 3 on Parsson
 * with a default configuration (any setting could change the output: an application's own {@code Jsonb} is never
 * second-guessed), and, class by class, where no JSON-B annotation reaches the class (its supertypes, their
 * packages or members), where Yasson has no serializer of its own for it that the fast path does not repeat
 * ({@code Date}, {@code Calendar}, {@code URI}, {@code Number}s other than the usual ones, JSON-P values...), and
 * where every property is declared with a type Yasson writes as the value's class ({@link DeclaredTypes}). Covered:
 * strings, numbers, booleans, characters, enums, {@code UUID} and the {@code java.time} types Yasson formats as ISO
 * text ({@link FormattedWriters}), records and beans as Yasson sees them ({@link YassonProperties}), collections,
 * maps with string keys, arrays and optionals of any of these. Whether a class takes the fast path is decided once, when a
 * value of it is first written, and kept for the engine's life.
 *
 * <p>Where it differs from Yasson, on purpose: Yasson tells cycles by keeping the objects it is inside of in a
 * {@code HashSet}, so it calls every record's and bean's {@code hashCode()}, fails when one fails, and refuses an
 * object merely equal to one enclosing it as a "recursive reference"; the fast path takes only nesting deeper than
 * {@value ValueWriter#MAX_DEPTH} levels for a cycle, and hands such a value to JSON-B, which then reports a true
 * cycle its own way. And Yasson logs {@code SEVERE} "Generating incomplete JSON" when a getter fails; the fast
 * path fails with the same exceptions, without that line.
 *
 * <p>One per engine; thread-safe.
 */
final class ValueWriters {

    /** The Java platform's packages: JSON-B writes their classes, but for the scalars, containers and optionals the fast path knows. */
    private static final List<String> PLATFORM = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private final Jsonb jsonb;
    private final boolean fast;
    private final Map<Class<?>, ValueWriter> byClass = new ConcurrentHashMap<>();

    private ValueWriters(Jsonb jsonb, boolean fast) {
        this.jsonb = jsonb;
        this.fast = fast;
    }

    /**
     * @param defaultMapping whether {@code jsonb} was built by the engine from an empty {@code JsonbConfig}
     */
    static ValueWriters of(Jsonb jsonb, boolean defaultMapping) {
        return new ValueWriters(jsonb, defaultMapping && yassonOnParsson(jsonb));
    }

    /** Whether this JSON-B is the Yasson 3 whose output the fast path reproduces, writing with Parsson. */
    private static boolean yassonOnParsson(Jsonb jsonb) {
        if (!jsonb.getClass().getName().equals("org.eclipse.yasson.internal.JsonBinding")) {
            return false;
        }
        try {
            // the serializers of Yasson 3's design; Yasson 2 wrote some values otherwise
            Class.forName("org.eclipse.yasson.internal.serializer.types.TypeSerializers", false, jsonb.getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return JsonProvider.provider().getClass().getName().startsWith("org.eclipse.parsson.");
    }

    /**
     * Appends a value that is not {@code null}.
     *
     * @throws RuntimeException when JSON-B cannot write it, or a getter fails; what was appended is then undefined
     */
    void write(StringBuilder out, Object value) {
        if (!fast) {
            jsonb(out, value);
            return;
        }
        int mark = out.length();
        try {
            ValueWriter writer = writerFor(value.getClass());
            if (writer.absent(value)) {
                out.append("null");
            } else {
                out.ensureCapacity(mark + writer.lastLength + 64);
                writer.write(out, value, 0);
                writer.lastLength = out.length() - mark;
            }
        } catch (Redo redo) {
            out.setLength(mark);
            jsonb(out, value);
        }
    }

    /** JSON-B's own writing of a value, lone surrogates escaped. */
    void jsonb(StringBuilder out, Object value) {
        EncodableJsonWriter writer = new EncodableJsonWriter(out);
        jsonb.toJson(value, writer);
        writer.flush();
    }

    /** Why JSON-B writes values of this class; {@code null} when the fast path does. */
    String whyJsonb(Class<?> type) {
        if (!fast) {
            return "the engine's JSON-B is not Yasson on Parsson with a default configuration";
        }
        return writerFor(type).whyJsonb();
    }

    ValueWriter writerFor(Class<?> type) {
        ValueWriter writer = byClass.get(type);
        if (writer == null) {
            try {
                writer = build(type);
            } catch (RuntimeException | LinkageError e) {
                // what reflection cannot show us, JSON-B will deal with, or fail on, its own way
                writer = new ByJsonb(this, "looking into it failed: " + e);
            }
            ValueWriter raced = byClass.putIfAbsent(type, writer);
            writer = raced != null ? raced : writer;
        }
        return writer;
    }

    /** Yasson's choice of serializer for a runtime class, in its order ({@code SerializationModelCreator}). */
    private ValueWriter build(Class<?> type) {
        ValueWriter scalar = ScalarWriters.of(type);
        if (scalar != null) {
            return scalar;
        }
        ValueWriter formatted = FormattedWriters.of(type);
        if (formatted != null) {
            return formatted;
        }
        ValueWriter primitives = ContainerWriters.primitives(type);
        if (primitives != null) {
            return primitives;
        }
        if (Enum.class.isAssignableFrom(type)) {
            return JsonbAnnotations.reach(type) ? new ByJsonb(this, "JSON-B annotations reach it") : ScalarWriters.enums();
        }
        if (JsonValue.class.isAssignableFrom(type)) {
            return new ByJsonb(this, "JSON-B writes JSON-P values itself");
        }
        String serialized = yassonSerialized(type);
        if (serialized != null) {
            return new ByJsonb(this, "Yasson has a serializer of its own for " + serialized);
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return container(type);
        }
        if (type.isArray()) {
            // declared Object[], JSON-B would write the elements by their own classes: a Number[] would differ
            return DeclaredTypes.writtenAsRuntime(type.getComponentType(), Map.of())
                    ? ContainerWriters.objectArray(this) : new Redone("its elements' declared type is written its own way");
        }
        if (type == Optional.class) {
            return ContainerWriters.optional(this);
        }
        return object(type);
    }

    /**
     * A collection or a map is written by the type its member declares, not by its class; a class of the
     * application that might change that (by annotations, or by iterating its own way) sends the whole value to
     * JSON-B, the only one that knows which applies.
     */
    private ValueWriter container(Class<?> type) {
        boolean collection = Collection.class.isAssignableFrom(type);
        if (!platform(type)) {
            if (JsonbAnnotations.reach(type)) {
                return new Redone("JSON-B annotations reach it");
            }
            try {
                Class<?> declaring = collection ? type.getMethod("forEach", Consumer.class).getDeclaringClass()
                        : type.getMethod("forEach", BiConsumer.class).getDeclaringClass();
                if (!platform(declaring)) {
                    return new Redone("it iterates its own way");
                }
            } catch (NoSuchMethodException impossible) {
                return new Redone("it has no forEach");
            }
        }
        return collection ? ContainerWriters.collection(this) : ContainerWriters.map(this);
    }

    private ValueWriter object(Class<?> type) {
        if (platform(type)) {
            return new ByJsonb(this, "it is a class of the Java platform");
        }
        if (!Modifier.isPublic(type.getModifiers()) || type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()
                || type.isHidden() || type.isInterface() || Modifier.isAbstract(type.getModifiers()) || Proxy.isProxyClass(type)) {
            return new ByJsonb(this, "it is not a public, named, concrete class");
        }
        if (Iterable.class.isAssignableFrom(type)) {
            return new ByJsonb(this, "it is an Iterable that is not a Collection");
        }
        if (JsonbAnnotations.reach(type)) {
            return new ByJsonb(this, "JSON-B annotations reach it");
        }
        for (Class<?> s = type.getSuperclass(); s != null && s != Object.class && s != Record.class; s = s.getSuperclass()) {
            if (platform(s)) {
                return new ByJsonb(this, "it extends " + s.getName());
            }
        }
        List<YassonProperties.Readable> properties;
        try {
            properties = YassonProperties.of(type);
        } catch (YassonProperties.Refused refused) {
            return new ByJsonb(this, refused.getMessage());
        }
        Map<TypeVariable<?>, Type> bindings = Generics.declaredBindings(type);
        for (YassonProperties.Readable p : properties) {
            if (!DeclaredTypes.writtenAsRuntime(p.declaredType(), bindings)) {
                return new ByJsonb(this, "its property " + p.name() + " is declared " + p.declaredType().getTypeName()
                        + ", which Yasson writes by the declaration rather than by the value's class");
            }
        }
        try {
            return ObjectWriter.of(type, properties, this);
        } catch (IllegalAccessException e) {
            return new ByJsonb(this, "its getters cannot be called from outside: " + e.getMessage());
        }
    }

    private static boolean platform(Class<?> type) {
        String name = type.getName();
        for (String prefix : PLATFORM) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The type of Yasson's own serializers ({@code TypeSerializers}) that covers this class, looked up as Yasson
     * does, through the superclasses; {@code null} for none.
     */
    private static String yassonSerialized(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (YASSON_SERIALIZED.contains(c.getName())) {
                return c.getName();
            }
        }
        return null;
    }

    private static final Set<String> YASSON_SERIALIZED = Set.of(
            "java.lang.Number", "java.math.BigDecimal", "java.math.BigInteger", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Boolean",
            "java.lang.Character", "java.lang.String", "java.util.Calendar", "java.util.Date", "java.util.TimeZone",
            "java.util.UUID", "java.net.URI", "java.net.URL", "java.nio.file.Path", "java.time.Duration",
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
            "java.time.MonthDay", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.Period",
            "java.time.YearMonth", "java.time.ZonedDateTime", "java.time.ZoneId", "java.time.ZoneOffset",
            "java.sql.Date", "java.sql.Timestamp", "javax.xml.datatype.XMLGregorianCalendar");

    /** Values of a class JSON-B writes better: written by it, also inside values the fast path writes. */
    static final class ByJsonb extends ValueWriter {
        private final ValueWriters values;
        private final String why;

        ByJsonb(ValueWriters values, String why) {
            this.values = values;
            this.why = why;
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            values.jsonb(out, value);
        }

        @Override
        String whyJsonb() {
            return why;
        }
    }

    /**
     * Values whose writing depends on how they are declared where they appear, which only JSON-B can tell: the
     * whole value they are part of is written again by JSON-B.
     */
    static final class Redone extends ValueWriter {
        private final String why;

        Redone(String why) {
            this.why = why;
        }

        @Override
        void write(StringBuilder out, Object value, int depth) {
            throw new Redo(why);
        }

        @Override
        String whyJsonb() {
            return why;
        }
    }
}
