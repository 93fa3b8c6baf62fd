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
 * again. A {@code @Typed} service whose bean types leave its class out gets no invoker here ({@code null}): the
 * extension calls it through a method handle. This class is the only one that names the 4.1 types; it is loaded only where
 * {@link JsonRpcExtension} found them.
 */
final class CdiInvokers41 {

    private CdiInvokers41() {
    }

    static <X> MethodInvoker create(ProcessManagedBean<X> event, AnnotatedMethod<? super X> method, BeanManager beanManager) {
        Bean<X> bean = event.getBean();
        if (!bean.getTypes().contains(bean.getBeanClass())) {
            // a @Typed service without its own class: Weld's instance lookup asks for the bean class and finds
            // nothing, so such a method is called through a method handle on one of its bean types instead
            return null;
        }
        if (bean.getScope() == Dependent.class) {
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
