package io.jsonrpcws.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import java.util.Objects;

/**
 * Hands a {@link RuntimeConfig} to the JSON-RPC extension of one CDI container, as a bean of that type: the
 * standalone runtime and the test kit register an instance (Weld SE's {@code addExtension}) so that the
 * settings travel as a value, never through system properties. Without it, the extension reads the
 * settings once from MicroProfile Config or system properties.
 */
public final class SuppliedConfig implements Extension {

    private final RuntimeConfig config;

    /** @param config the settings of the container's runtime */
    public SuppliedConfig(RuntimeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    void addBean(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .beanClass(RuntimeConfig.class)
                .types(RuntimeConfig.class, Object.class)
                .scope(Dependent.class)
                .createWith(c -> config);
    }
}
