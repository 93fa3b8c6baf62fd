package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.model.MethodInvoker;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.invoke.Invoker;

/**
 * Invokers of CDI 4.1 ({@code jakarta.enterprise.invoke}), built by the container while it processes the
 * bean. A {@code @Dependent} service is looked up per call, so that each call's instance is destroyed after
 * it; any other service is called on its contextual reference (a client proxy for normal scopes), obtained
 * at the first call and kept, which is what a lookup would return each time without resolving the bean
 * again. This class is the only one that names the 4.1 types; it is loaded only where
 * {@link JsonRpcExtension} found them.
 */
final class CdiInvokers41 {

    private CdiInvokers41() {
    }

    static <X> MethodInvoker create(ProcessManagedBean<X> event, AnnotatedMethod<? super X> method, BeanManager beanManager) {
        Bean<X> bean = event.getBean();
        if (bean.getScope() == Dependent.class || !bean.getTypes().contains(bean.getBeanClass())) {
            Invoker<X, ?> invoker = event.createInvoker(method).withInstanceLookup().build();
            return args -> invoker.invoke(null, args);
        }
        Invoker<X, ?> invoker = event.createInvoker(method).build();
        return new Shared<>(invoker, beanManager, bean);
    }

    private static final class Shared<X> implements MethodInvoker {
        private final Invoker<X, ?> invoker;
        private final BeanManager beanManager;
        private final Bean<X> bean;
        private volatile X reference;

        Shared(Invoker<X, ?> invoker, BeanManager beanManager, Bean<X> bean) {
            this.invoker = invoker;
            this.beanManager = beanManager;
            this.bean = bean;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object[] args) throws Throwable {
            X target = reference;
            if (target == null) {
                // references may be obtained only after deployment; valid for good from then on
                target = (X) beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
                reference = target;
            }
            return invoker.invoke(target, args);
        }
    }
}
