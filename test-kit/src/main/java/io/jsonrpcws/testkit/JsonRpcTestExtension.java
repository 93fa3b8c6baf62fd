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

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
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

        synchronized JsonRpcClient connect(JsonRpcClient.Builder builder) {
            JsonRpcClient client = builder.connect();
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
                        field.set(instance, value(field.getType(), field.getAnnotation(ClientConfig.class),
                                "field " + field.getName() + " of " + c.getName(), context));
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
        return value(parameter.getParameter().getType(), parameter.findAnnotation(ClientConfig.class).orElse(null),
                "parameter " + parameter.getParameter().getName() + " of "
                        + parameter.getDeclaringExecutable().getDeclaringClass().getName() + "."
                        + parameter.getDeclaringExecutable().getName(), context);
    }

    private static boolean injectable(Class<?> type) {
        return type == JsonRpcClient.class || type == JsonRpcServer.class || type == URI.class;
    }

    /**
     * @param config where the element asks for a configured client, else {@code null}
     * @param where  the element, for messages
     */
    private static Object value(Class<?> type, ClientConfig config, String where, ExtensionContext context) {
        JsonRpcServer server = context.getStore(NAMESPACE).get(SERVER, JsonRpcServer.class);
        if (server == null) {
            throw new ParameterResolutionException("no jsonrpcws server runs for " + context.getDisplayName()
                    + ": annotate the test class with @JsonRpcTest");
        }
        if (config != null && type != JsonRpcClient.class) {
            throw new ParameterResolutionException("@ClientConfig configures a JsonRpcClient, not the " + where);
        }
        if (type == JsonRpcServer.class) {
            return server;
        }
        if (type == URI.class) {
            return server.uri();
        }
        // keyed by the context, so that a test's clients are its own and not its class's
        JsonRpcClient.Builder builder = JsonRpcClient.builder(server.uri());
        if (config != null) {
            configure(builder, config, where, context);
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(clientsKey(context), key -> new Clients(), Clients.class)
                .connect(builder);
    }

    private static void configure(JsonRpcClient.Builder builder, ClientConfig config, String where, ExtensionContext context) {
        String in = " in @ClientConfig of " + where;
        for (Class<?> handler : config.handlers()) {
            builder.handlers(instantiate(handler, in));
        }
        if (!config.timeout().isEmpty()) {
            try {
                builder.defaultTimeout(Duration.parse(config.timeout()));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new ParameterResolutionException("timeout \"" + config.timeout() + "\"" + in
                        + " is not a positive ISO-8601 duration such as \"PT5S\"", e);
            }
        }
        if (config.queue() >= 0) {
            builder.queue(config.queue());
        }
        for (String header : config.headers()) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new ParameterResolutionException("header \"" + header + "\"" + in + " is not \"Name: value\"");
            }
            builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (!config.bearerToken().isEmpty()) {
            builder.bearerToken(config.bearerToken());
        }
        if (!config.configure().isEmpty()) {
            invokeConfigure(config.configure(), builder, in, context);
        }
    }

    private static Object instantiate(Class<?> handler, String in) {
        try {
            Constructor<?> constructor = handler.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ParameterResolutionException("handler " + handler.getName() + in + " has no constructor without"
                    + " parameters" + (handler.isMemberClass() && !Modifier.isStatic(handler.getModifiers())
                    ? " (an inner class needs its enclosing instance: make it static)" : ""), e);
        } catch (InvocationTargetException e) {
            throw new ParameterResolutionException("the constructor of handler " + handler.getName() + in + " failed: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ParameterResolutionException("handler " + handler.getName() + in + " cannot be instantiated: " + e, e);
        }
    }

    /** Finds the method in the test class, its superclasses and its enclosing classes, and calls it. */
    private static void invokeConfigure(String name, JsonRpcClient.Builder builder, String in, ExtensionContext context) {
        List<Object> instances = context.getTestInstances().map(i -> {
            List<Object> all = new ArrayList<>(i.getAllInstances());
            Collections.reverse(all);
            return all;
        }).orElse(List.of());
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            classes.add(c);
        }
        for (Class<?> start : classes) {
            for (Class<?> c = start; c != null && c != Object.class; c = c.getSuperclass()) {
                Method method;
                try {
                    method = c.getDeclaredMethod(name, JsonRpcClient.Builder.class);
                } catch (NoSuchMethodException e) {
                    continue;
                }
                Object target = null;
                if (!Modifier.isStatic(method.getModifiers())) {
                    Class<?> declaring = c;
                    target = instances.stream().filter(declaring::isInstance).findFirst().orElseThrow(() ->
                            new ParameterResolutionException("configure method " + name + in + " is an instance method, "
                                    + "but there is no test instance here: make it static"));
                }
                try {
                    method.setAccessible(true);
                    method.invoke(target, builder);
                    return;
                } catch (InvocationTargetException e) {
                    throw new ParameterResolutionException("configure method " + name + in + " failed: " + e.getCause(),
                            e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new ParameterResolutionException("configure method " + name + in + " cannot be called: " + e, e);
                }
            }
        }
        throw new ParameterResolutionException("no method " + name + "(JsonRpcClient.Builder) in "
                + context.getRequiredTestClass().getName() + ", its superclasses or enclosing classes, as named" + in);
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
