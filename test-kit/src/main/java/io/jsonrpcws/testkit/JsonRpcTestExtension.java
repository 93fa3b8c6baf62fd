package io.jsonrpcws.testkit;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JUnit 5 extension behind {@link JsonRpcTest}; see there for what it does. Registered by the annotation;
 * {@code @ExtendWith(JsonRpcTestExtension.class)} alone starts a server that discovers the classpath's bean
 * archives. Keeps its state in JUnit's extension stores, so test classes may run in parallel, each with its
 * own server.
 */
public final class JsonRpcTestExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JsonRpcTestExtension.class);
    private static final String SERVER = "server";
    private static final String CLIENTS = "clients";

    /** The clients made for one extension context, closed when it ends. */
    private static final class Clients {
        private final List<JsonRpcClient> open = new ArrayList<>();

        synchronized JsonRpcClient connect(URI uri) {
            JsonRpcClient client = JsonRpcClient.connect(uri);
            open.add(client);
            return client;
        }

        synchronized void closeAll() {
            open.forEach(JsonRpcClient::close);
            open.clear();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        // a @Nested class shares its enclosing class's server unless it asks for its own
        boolean ownSettings = testClass.getDeclaredAnnotation(JsonRpcTest.class) != null;
        if (!ownSettings && context.getStore(NAMESPACE).get(SERVER) != null) {
            return;
        }
        context.getStore(NAMESPACE).put(SERVER, start(testClass.getAnnotation(JsonRpcTest.class)));
    }

    private static JsonRpcServer start(JsonRpcTest settings) {
        Map<String, String> properties = new HashMap<>();
        if (settings != null) {
            for (String p : settings.properties()) {
                int eq = p.indexOf('=');
                if (eq < 1) {
                    throw new ExtensionConfigurationException("@JsonRpcTest properties are key=value: " + p);
                }
                properties.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        RuntimeConfig config;
        try {
            config = RuntimeConfig.builder().setAll(properties).build();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@JsonRpcTest properties: " + e.getMessage(), e);
        }
        JsonRpcServer.Builder server = JsonRpcServer.builder().host("127.0.0.1").port(0).config(config);
        if (settings != null) {
            server.beanClasses(settings.services());
        }
        return server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeClients(context);
        JsonRpcServer server = context.getStore(NAMESPACE).remove(SERVER, JsonRpcServer.class);
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && injectable(field.getType())) {
                        field.setAccessible(true);
                        field.set(instance, value(field.getType(), context));
                    }
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeClients(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return injectable(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return value(parameter.getParameter().getType(), context);
    }

    private static boolean injectable(Class<?> type) {
        return type == JsonRpcClient.class || type == JsonRpcServer.class || type == URI.class;
    }

    private static Object value(Class<?> type, ExtensionContext context) {
        JsonRpcServer server = context.getStore(NAMESPACE).get(SERVER, JsonRpcServer.class);
        if (server == null) {
            throw new ParameterResolutionException("no jsonrpcws server runs for " + context.getDisplayName()
                    + ": annotate the test class with @JsonRpcTest");
        }
        if (type == JsonRpcServer.class) {
            return server;
        }
        if (type == URI.class) {
            return server.uri();
        }
        // keyed by the context, so that a test's clients are its own and not its class's
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(clientsKey(context), key -> new Clients(), Clients.class)
                .connect(server.uri());
    }

    private static String clientsKey(ExtensionContext context) {
        return CLIENTS + context.getUniqueId();
    }

    private static void closeClients(ExtensionContext context) {
        Clients clients = context.getStore(NAMESPACE).remove(clientsKey(context), Clients.class);
        if (clients != null) {
            clients.closeAll();
        }
    }
}
