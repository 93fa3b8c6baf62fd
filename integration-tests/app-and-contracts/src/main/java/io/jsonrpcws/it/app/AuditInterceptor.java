package io.jsonrpcws.it.app;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Wraps the result of {@link Audited} methods, so that a client sees that the interceptor ran. */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    @AroundInvoke
    Object audit(InvocationContext call) throws Exception {
        return "audited(" + call.proceed() + ")";
    }
}
