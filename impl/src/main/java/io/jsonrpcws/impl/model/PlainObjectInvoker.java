package io.jsonrpcws.impl.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Invokes a method on one fixed object through a method handle made once: for services that are plain
 * objects (tests, the client's handlers of server calls) rather than CDI beans.
 */
public final class PlainObjectInvoker implements MethodInvoker {

    private static final MethodType SPREAD = MethodType.methodType(Object.class, Object[].class);

    private final MethodHandle handle;

    private PlainObjectInvoker(MethodHandle handle) {
        this.handle = handle;
    }

    /**
     * @param target the object whose method is called
     * @param method a public method of the target's class
     * @throws IllegalArgumentException when the method cannot be accessed
     */
    public static PlainObjectInvoker of(Object target, Method method) {
        try {
            method.setAccessible(true);
            MethodHandle h = MethodHandles.lookup().unreflect(method).bindTo(target);
            return new PlainObjectInvoker(h.asSpreader(Object[].class, method.getParameterCount()).asType(SPREAD));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot access " + method, e);
        }
    }

    @Override
    public Object invoke(Object[] args) throws Throwable {
        return handle.invokeExact(args);
    }
}
