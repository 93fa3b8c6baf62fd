package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.model.MethodInvoker;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.invoke.Invoker;

/**
 * Invokers of CDI 4.1 ({@code jakarta.enterprise.invoke}), built by the container while it processes the
 * bean; each looks the instance up per call. This class is the only one that names the 4.1 types; it is
 * loaded only where {@link JsonRpcExtension} found them.
 */
final class CdiInvokers41 {

    private CdiInvokers41() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <X> MethodInvoker create(ProcessManagedBean<X> event, AnnotatedMethod<? super X> method) {
        Invoker<X, ?> invoker = event.createInvoker(method).withInstanceLookup().build();
        return args -> invoker.invoke(null, args);
    }
}
