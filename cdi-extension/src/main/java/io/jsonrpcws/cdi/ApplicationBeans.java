package io.jsonrpcws.cdi;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The application's beans by which it customises the runtime (exception mappers, {@code Jsonb}, {@code JsonbConfig},
 * an authenticator, {@code RuntimeConfig}), recorded as the container announces them to the extension.
 *
 * <p>A lookup through the extension's {@link BeanManager} is not enough: Payara (Weld with one bean manager per bean
 * archive) gives the extension the bean manager of its own jar in {@code WEB-INF/lib}, which does not see the beans
 * of {@code WEB-INF/classes}, so they were silently ignored. Every bean of the deployment is announced to the
 * extension whatever its archive, and a {@link Bean} is usable through any bean manager (as the service beans are).
 */
final class ApplicationBeans {

    private final Set<Class<?>> types;
    private final Set<Bean<?>> recorded = new LinkedHashSet<>();

    /** Records the {@code @Default} beans that have a bean type of one of these raw types. */
    ApplicationBeans(Set<Class<?>> types) {
        this.types = Set.copyOf(types);
    }

    /** Called for every bean discovered or added; the container announces them on one thread, synchronized anyway. */
    synchronized void record(Bean<?> bean) {
        if (bean.getQualifiers().contains(Default.Literal.INSTANCE)
                && bean.getTypes().stream().anyMatch(t -> types.contains(raw(t)))) {
            recorded.add(bean);
        }
    }

    /** Every recorded bean with a bean type of this raw type, in the order announced. */
    synchronized List<Bean<?>> all(Class<?> type) {
        return recorded.stream().filter(b -> typeOf(b, type) != null).collect(Collectors.toCollection(ArrayList::new));
    }

    /**
     * The reference of the one bean of this type, alternatives resolved; {@code null} when there is none.
     *
     * @throws IllegalStateException when several beans remain, rather than ignoring them all
     */
    <T> T single(BeanManager beanManager, Class<T> type) {
        Bean<?> bean = resolve(beanManager, type);
        return bean == null ? null : type.cast(reference(beanManager, bean, type));
    }

    /**
     * The one bean of this type, alternatives resolved; {@code null} when there is none.
     *
     * @throws IllegalStateException when several beans remain
     */
    Bean<?> resolve(BeanManager beanManager, Class<?> type) {
        List<Bean<?>> beans = all(type);
        if (beans.isEmpty()) {
            return null;
        }
        try {
            return beanManager.resolve(Set.copyOf(beans));
        } catch (AmbiguousResolutionException e) {
            throw new IllegalStateException("several beans of type " + type.getName()
                    + " customise JSON-RPC, keep one: "
                    + beans.stream().map(b -> b.getBeanClass().getName()).collect(Collectors.joining(", ")), e);
        }
    }

    /** The bean classes of every recorded bean (for a producer, the class that declares it). */
    synchronized Set<Class<?>> beanClasses() {
        return recorded.stream().map(Bean::getBeanClass).collect(Collectors.toSet());
    }

    /** A contextual reference of a recorded bean, of its bean type whose raw type is {@code type}. */
    static Object reference(BeanManager beanManager, Bean<?> bean, Class<?> type) {
        return beanManager.getReference(bean, typeOf(bean, type), beanManager.createCreationalContext(bean));
    }

    private static Type typeOf(Bean<?> bean, Class<?> raw) {
        for (Type t : bean.getTypes()) {
            if (raw(t) == raw) {
                return t;
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
