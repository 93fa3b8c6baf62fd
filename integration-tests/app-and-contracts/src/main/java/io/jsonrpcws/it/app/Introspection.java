package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.cdi.JsonRpcExtension;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/** Tells the tests how the target's CDI container has the services invoked. */
@JsonRpcService("introspection")
public class Introspection {

    /** What {@link #invokers()} answers where the container has CDI 4.1 invokers. */
    public static final String CDI_INVOKERS = "cdi-invokers";

    /** What {@link #invokers()} answers on CDI 4.0, where method handles invoke services. */
    public static final String METHOD_HANDLES = "method-handles";

    @Inject
    BeanManager beanManager;

    @JsonRpcMethod
    public String invokers() {
        return beanManager.getExtension(JsonRpcExtension.class).usesCdiInvokers() ? CDI_INVOKERS : METHOD_HANDLES;
    }
}
