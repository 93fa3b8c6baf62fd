package io.jsonrpcws.it.app;

import java.util.List;

/** The classes of the test application, for a WAR or for the standalone runtime's bean classes. */
public final class TestApp {

    /** Every class of the application, the interceptor and its binding included. */
    public static final List<Class<?>> CLASSES = List.of(Greeter.class, Tally.class, Audited.class,
            AuditInterceptor.class, Shouter.class, Salutations.class, Reception.class, Quiz.class, Introspection.class,
            Handshake.class, Orders.class);

    private TestApp() {
    }
}
