package io.jsonrpcws.impl.model;

/**
 * Calls one service method. Built once per method at deployment; called concurrently, so
 * implementations are thread-safe and do not reflect. The plain-object invoker serves tests and the
 * client side; the CDI extension supplies invokers that obtain the contextual instance per call.
 */
@FunctionalInterface
public interface MethodInvoker {

    /**
     * @param args the arguments, one per Java parameter, already bound and resolved
     * @return the method's return value ({@code null} for {@code void})
     * @throws Throwable whatever the method throws, unwrapped
     */
    Object invoke(Object[] args) throws Throwable;
}
