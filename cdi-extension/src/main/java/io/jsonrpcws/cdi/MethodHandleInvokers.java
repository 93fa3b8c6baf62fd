package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.model.MethodInvoker;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Invokers for CDI 4.0 containers, which have no {@code jakarta.enterprise.invoke}: a method handle
 * made once, called on the bean's contextual reference so that interceptors and decorators apply. A
 * normal-scoped (or singleton) bean's reference is obtained once and kept; a {@code @Dependent} bean is
 * created for each call and destroyed when the method returns, as CDI 4.1 invokers do.
 */
final class MethodHandleInvokers {

    private static final MethodType SPREAD = MethodType.methodType(Object.class, Object.class, Object[].class);

    private MethodHandleInvokers() {
    }

    static MethodInvoker create(BeanManager beanManager, Bean<?> bean, Method method) {
        Target target = target(bean, method);
        MethodHandle handle;
        try {
            target.method().setAccessible(true);
            handle = MethodHandles.lookup().unreflect(target.method())
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(SPREAD);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot access " + method, e);
        }
        return bean.getScope() == Dependent.class
                ? new PerCall(beanManager, bean, target.type(), handle)
                : new Shared(beanManager, bean, target.type(), handle);
    }

    /** The bean type to ask the contextual reference for, and the method to call on it. */
    private record Target(Type type, Method method) {
    }

    /**
     * A bean type that has the method, and the method as that type declares it. A {@code @Typed} service may leave
     * its own class out of its bean types: its client proxy then implements only the types listed, so the method
     * is called as one of them declares it. A {@code @Dependent} reference is the instance itself.
     */
    private static Target target(Bean<?> bean, Method method) {
        Target declared = null;
        for (Type t : bean.getTypes()) {
            Class<?> raw = t instanceof Class<?> c ? c : t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
            if (raw == null || raw == Object.class) {
                continue;
            }
            if (method.getDeclaringClass().isAssignableFrom(raw)) {
                return new Target(t, method);
            }
            if (declared == null) {
                try {
                    declared = new Target(t, raw.getMethod(method.getName(), method.getParameterTypes()));
                } catch (NoSuchMethodException e) {
                    // this bean type does not have it
                }
            }
        }
        if (declared != null) {
            return declared;
        }
        if (bean.getScope() == Dependent.class) {
            return new Target(Object.class, method);
        }
        throw new IllegalStateException(bean.getBeanClass().getName() + "#" + method.getName()
                + " cannot be called: no bean type of the service declares it; add a type that does to its @Typed");
    }

    private static final class Shared implements MethodInvoker {
        private final BeanManager beanManager;
        private final Bean<?> bean;
        private final Type referenceType;
        private final MethodHandle handle;
        private volatile Object reference;

        Shared(BeanManager beanManager, Bean<?> bean, Type referenceType, MethodHandle handle) {
            this.beanManager = beanManager;
            this.bean = bean;
            this.referenceType = referenceType;
            this.handle = handle;
        }

        @Override
        public Object invoke(Object[] args) throws Throwable {
            Object target = reference;
            if (target == null) {
                // a client proxy (or the singleton itself): obtained after deployment, then valid for good
                target = beanManager.getReference(bean, referenceType, beanManager.createCreationalContext(bean));
                reference = target;
            }
            return handle.invokeExact(target, args);
        }
    }

    private static final class PerCall implements MethodInvoker {
        private final BeanManager beanManager;
        private final Bean<?> bean;
        private final Type referenceType;
        private final MethodHandle handle;

        PerCall(BeanManager beanManager, Bean<?> bean, Type referenceType, MethodHandle handle) {
            this.beanManager = beanManager;
            this.bean = bean;
            this.referenceType = referenceType;
            this.handle = handle;
        }

        @Override
        public Object invoke(Object[] args) throws Throwable {
            CreationalContext<?> context = beanManager.createCreationalContext(bean);
            try {
                Object target = beanManager.getReference(bean, referenceType, context);
                return handle.invokeExact(target, args);
            } finally {
                context.release();
            }
        }
    }
}
