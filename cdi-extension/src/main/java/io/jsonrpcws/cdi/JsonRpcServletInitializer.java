package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcAuthenticator;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;

import java.util.EnumSet;
import java.util.Set;

/**
 * Sets the endpoint's path ({@code jsonrpcws.path}) up in a WAR: {@link JsonRpcGateFilter} admits or refuses every
 * request there, WebSocket handshakes and HTTP calls alike, and {@link JsonRpcServlet} answers the POSTs, while
 * WebSocket upgrades reach the WebSocket endpoint. Set {@code jsonrpcws.http} to {@code false} to leave HTTP out.
 * {@link JsonRpcContextListener} logs the startup line and drains the calls when the WAR is undeployed.
 *
 * <p>The container hands over the application's classes that implement a customising type or declare a producer:
 * CDI ignores those without a bean-defining annotation under {@code bean-discovery-mode="annotated"}, and the
 * listener warns of each (the extension never hears of a class that is not a bean).
 */
@HandlesTypes({JsonRpcExceptionMapper.class, JsonRpcAuthenticator.class, Produces.class})
public final class JsonRpcServletInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        RuntimeConfig config = RuntimeConfig.load();
        FilterRegistration.Dynamic gate = context.addFilter("jsonrpcws-gate", JsonRpcGateFilter.class);
        if (gate != null) {
            gate.setAsyncSupported(true);
            // before the filters of web.xml and those the WebSocket implementations add (Tyrus, Undertow), which
            // take the handshake and never pass it on
            gate.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, config.path());
        }
        context.addListener(new JsonRpcContextListener(classes == null ? Set.of() : classes));
        if (!config.http()) {
            return;
        }
        ServletRegistration.Dynamic servlet = context.addServlet("jsonrpcws", JsonRpcServlet.class);
        if (servlet != null) {
            servlet.setAsyncSupported(true);
            servlet.addMapping(config.path());
        }
    }
}
