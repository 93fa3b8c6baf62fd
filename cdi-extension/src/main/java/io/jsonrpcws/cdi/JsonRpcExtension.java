package io.jsonrpcws.cdi;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcAuthenticator;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.JsonRpcSessions;
import io.jsonrpcws.impl.model.MethodDescription;
import io.jsonrpcws.impl.model.MethodInvoker;
import io.jsonrpcws.impl.model.MethodTable;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.model.ServiceModel;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;
import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Discovers {@link JsonRpcService} beans, validates them, and builds the method table, once, at
 * deployment. Every problem found is reported together in one deployment error, naming class and method.
 *
 * <p>Methods are invoked through CDI 4.1 invokers where the container has them, otherwise through method
 * handles on contextual references (CDI 4.0); the setting {@code jsonrpcws.invokers=method-handles} forces the
 * latter. The settings are a {@link RuntimeConfig} bean where one is deployed (see {@link SuppliedConfig}),
 * otherwise read once, here, from MicroProfile Config or system properties.
 */
public class JsonRpcExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(JsonRpcExtension.class.getName());

    private final ServiceModel model = new ServiceModel(ContextParameters.ALL);
    private final ConnectionContext connections = new ConnectionContext();
    private final OpenSessions sessions = new OpenSessions();
    private final List<String> problems = new ArrayList<>();
    private final List<MethodDescription> descriptions = new ArrayList<>();
    private final List<Found> found = new ArrayList<>();
    private final boolean cdi41 = cdi41Invokers();
    private volatile JsonRpcRuntime runtime;
    private volatile ParamChecks checks = ParamChecks.NONE;
    private final ApplicationBeans applicationBeans = new ApplicationBeans(Set.of(JsonRpcExceptionMapper.class,
            Jsonb.class, JsonbConfig.class, JsonRpcAuthenticator.class, RuntimeConfig.class));

    /** Every bean, whatever its archive: the extension's own bean manager may not see the application's (Payara). */
    void recordApplicationBeans(@Observes ProcessBean<?> event) {
        applicationBeans.record(event.getBean());
    }

    <X> void findServices(@Observes ProcessManagedBean<X> event, BeanManager beanManager) {
        Class<?> beanClass = event.getBean().getBeanClass();
        if (!beanClass.isAnnotationPresent(JsonRpcService.class)) {
            return;
        }
        for (MethodDescription d : model.describe(beanClass, problems)) {
            descriptions.add(d);
            found.add(new Found(d, event.getBean(), cdi41 ? cdiInvoker(event, beanManager, d) : null));
        }
    }

    /**
     * A service method found at deployment. Its CDI 4.1 invoker can only be made now, while its bean is
     * processed; whether it or a method handle is used is decided when the settings are known.
     */
    private record Found(MethodDescription description, Bean<?> bean, MethodInvoker cdiInvoker) {
        RpcMethod method(BeanManager beanManager, boolean cdiInvokers, ParamChecks checks) {
            return checks.attach(description.withInvoker(cdiInvokers && cdiInvoker != null
                    ? cdiInvoker
                    : MethodHandleInvokers.create(beanManager, bean, description.method())), description, bean);
        }
    }

    private static <X> MethodInvoker cdiInvoker(ProcessManagedBean<X> event, BeanManager beanManager, MethodDescription d) {
        for (AnnotatedMethod<? super X> m : event.getAnnotatedBeanClass().getMethods()) {
            if (m.getJavaMember().equals(d.method())) {
                return CdiInvokers41.create(event, m, beanManager);
            }
        }
        return null;
    }

    void registerBeans(@Observes AfterBeanDiscovery event) {
        ServiceModel.checkUniqueNames(descriptions, problems);
        if (!problems.isEmpty()) {
            event.addDefinitionError(new DeploymentException("invalid JSON-RPC services:\n  "
                    + String.join("\n  ", problems)));
        }
        event.addContext(connections);
        event.addBean()
                .beanClass(WebSocketConnection.class)
                .types(JsonRpcSession.class, Object.class)
                .scope(ConnectionScoped.class)
                .createWith(c -> connections.connection());
        event.addBean()
                .beanClass(OpenSessions.class)
                .types(JsonRpcSessions.class, Object.class)
                .scope(Dependent.class)
                .createWith(c -> sessions);
        event.addBean()
                .beanClass(WebSocketConnection.class)
                .types(Session.class, Object.class)
                .scope(ConnectionScoped.class)
                .createWith(c -> connections.connection().webSocket());
    }

    void start(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (!problems.isEmpty()) {
            return;
        }
        try {
            RuntimeConfig config = config(beanManager);
            boolean cdiInvokers = cdi41 && !config.forcesMethodHandles();
            checks = ParamChecks.find(beanManager, descriptions);
            List<RpcMethod> methods = new ArrayList<>();
            List<String> unusable = new ArrayList<>();
            for (Found f : found) {
                try {
                    methods.add(f.method(beanManager, cdiInvokers, checks));
                } catch (IllegalArgumentException e) {
                    unusable.add(e.getMessage());
                }
            }
            if (!unusable.isEmpty()) {
                event.addDeploymentProblem(new DeploymentException("invalid JSON-RPC services:\n  " + String.join("\n  ", unusable)));
                return;
            }
            long checked = methods.stream().filter(m -> m.paramCheck() != null).count();
            if (checked > 0) {
                LOG.log(Level.INFO, () -> "JRWS-0602 Bean Validation checks the params of " + checked
                        + " JSON-RPC methods before they run");
            }
            runtime = JsonRpcRuntime.create(beanManager, applicationBeans, MethodTable.of(methods), connections,
                    sessions, config, cdiInvokers ? "CDI invokers" : "method handles");
        } catch (RuntimeException e) {
            event.addDeploymentProblem(e);
        }
    }

    void stop(@Observes BeforeShutdown event) {
        JsonRpcRuntime r = runtime;
        if (r != null) {
            // in a WAR the drain ran already, when undeployment began (JsonRpcContextListener); this frees the rest
            r.shutdown();
        }
        checks.close();
    }

    /** The deployment's runtime; {@code null} until deployment validation, or when it failed. */
    public JsonRpcRuntime runtime() {
        return runtime;
    }

    /** The deployment's {@link RuntimeConfig} bean if it has one, else the settings read once from the environment. */
    private RuntimeConfig config(BeanManager beanManager) {
        RuntimeConfig supplied = applicationBeans.single(beanManager, RuntimeConfig.class);
        return supplied != null ? supplied : RuntimeConfig.load();
    }

    private static boolean cdi41Invokers() {
        try {
            Class.forName("jakarta.enterprise.invoke.Invoker", false, JsonRpcExtension.class.getClassLoader());
            ProcessManagedBean.class.getMethod("createInvoker", AnnotatedMethod.class);
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            LOG.log(Level.DEBUG, "CDI 4.1 invokers are not available; using method handles");
            return false;
        }
    }
}
