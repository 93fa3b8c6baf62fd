package io.jsonrpcws.cdi;

/** The two ways the extension calls service methods; tests of invocation run on both. */
enum InvokerPath {

    /** CDI 4.1 {@code jakarta.enterprise.invoke.Invoker}s, the default where the container has them. */
    CDI_INVOKERS(null),

    /** Method handles on contextual references, the CDI 4.0 fallback, forced by the system property. */
    METHOD_HANDLES("method-handles");

    static final String PROPERTY = "jsonrpcws.cdi.invokers";

    private final String propertyValue;

    InvokerPath(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /**
     * An extension that uses this path. The extension reads the property once, when it is constructed,
     * so the property is set only around the constructor and never leaks into other tests.
     */
    JsonRpcExtension newExtension() {
        String before = System.getProperty(PROPERTY);
        try {
            if (propertyValue == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, propertyValue);
            }
            return new JsonRpcExtension();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    boolean usesCdiInvokers() {
        return this == CDI_INVOKERS;
    }
}
