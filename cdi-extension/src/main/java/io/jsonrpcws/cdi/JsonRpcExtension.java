package io.jsonrpcws.cdi;

import io.jsonrpcws.api.ConnectionScoped;
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
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Discovers {@link JsonRpcService} beans, validates them, and builds the method table, once, at
 * deployment. Every problem found is reported together in one deployment error, naming class and method.
 *
 * <p>Methods are invoked through CDI 4.1 invokers where the container has them, otherwise through method
 * handles on contextual references (CDI 4.0); the system property {@code jsonrpcws.cdi.invokers} set to
 * {@code method-handles} forces the latter.
 */
public class JsonRpcExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(JsonRpcExtension.class.getName());

    private final ServiceModel model = new ServiceModel(ContextParameters.ALL);
    private final ConnectionContext connections = new ConnectionContext();
    private final OpenSessions sessions = new OpenSessions();
    private final List<String> problems = new ArrayList<>();
    private final List<MethodDescription> descriptions = new ArrayList<>();
    private final List<RpcMethod> methods = new ArrayList<>();
    private final boolean cdi41 = cdi41Invokers();
    private volatile JsonRpcRuntime runtime;

    <X> void findServices(@Observes ProcessManagedBean<X> event, BeanManager beanManager) {
        Class<?> beanClass = event.getBean().getBeanClass();
        if (!beanClass.isAnnotationPresent(JsonRpcService.class)) {
            return;
        }
        for (MethodDescription d : model.describe(beanClass, problems)) {
            descriptions.add(d);
            methods.add(d.withInvoker(invoker(event, beanManager, d)));
        }
    }

    private <X> MethodInvoker invoker(ProcessManagedBean<X> event, BeanManager beanManager, MethodDescription d) {
        if (cdi41) {
            for (AnnotatedMethod<? super X> m : event.getAnnotatedBeanClass().getMethods()) {
                if (m.getJavaMember().equals(d.method())) {
                    return CdiInvokers41.create(event, m, beanManager);
                }
            }
        }
        return MethodHandleInvokers.create(beanManager, event.getBean(), d.method());
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
            runtime = JsonRpcRuntime.create(beanManager, MethodTable.of(methods), connections, sessions, RuntimeConfig.load());
        } catch (RuntimeException e) {
            event.addDeploymentProblem(e);
        }
    }

    void stop(@Observes BeforeShutdown event) {
        JsonRpcRuntime r = runtime;
        if (r != null) {
            r.shutdown();
        }
    }

    /** The deployment's runtime; {@code null} until deployment validation, or when it failed. */
    public JsonRpcRuntime runtime() {
        return runtime;
    }

    /** Whether services are invoked through CDI 4.1 invokers in this deployment. */
    public boolean usesCdiInvokers() {
        return cdi41;
    }

    private static boolean cdi41Invokers() {
        if ("method-handles".equals(System.getProperty("jsonrpcws.cdi.invokers"))) {
            return false;
        }
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
