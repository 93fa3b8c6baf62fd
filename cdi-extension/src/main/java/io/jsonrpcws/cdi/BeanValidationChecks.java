package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.impl.model.MethodDescription;
import io.jsonrpcws.impl.model.Param;
import io.jsonrpcws.impl.model.ParamCheck;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.MethodDescriptor;

import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bean Validation of service method params: a method whose parameters carry constraints ({@code @NotNull},
 * {@code @Size}, {@code @Valid} records...) has them validated before it runs, and a call that violates them is
 * answered -32602 with {@code data.violations}, a list of {@code {"path", "message"}}, sorted by path. A path starts
 * with the JSON parameter's name ({@code #index} when it has none), then the members as Bean Validation names them
 * (the Java names) and indexes or keys in brackets: {@code order.lines[2].quantity}.
 *
 * <p>The validator is the deployment's {@code Validator} bean (Payara, WildFly), else its {@code ValidatorFactory}
 * bean, else the default factory of the provider on the class path, built here and closed at shutdown, and only when
 * some service method carries a constraint or {@code @Valid} ({@link ConstraintScan}) or the application has a
 * {@code META-INF/validation.xml}; where methods carry constraints and no factory can be built, deployment fails. Whether a method has constraints is asked once, at deployment; the others get no
 * check.
 *
 * <p>{@link ExecutableValidator#validateParameters} wants the object whose method is called. Hibernate Validator reads
 * only its class (the constraints of the class and its supertypes) and puts it in each violation, which is not used
 * here; it calls no method on it. So a normal-scoped service is given its client proxy, whose class extends the bean
 * class, as CDI's own method validation gives it the intercepted subclass; no instance is made for it. Any other
 * service with constrained methods ({@code @Dependent}, or one whose bean class is not a bean type) is given one
 * instance made by its bean at its first checked call, used for nothing else and destroyed at shutdown.
 *
 * <p>Only this class and {@link ConstraintScan} name Bean Validation's types; {@link ParamChecks#find} loads them
 * where they are present.
 */
final class BeanValidationChecks implements ParamChecks {

    private static final System.Logger LOG = System.getLogger(BeanValidationChecks.class.getName());

    private final BeanManager beanManager;
    private final ExecutableValidator validator;
    private final Validator metadata;
    /** The factory built here, closed at shutdown; {@code null} when the deployment supplied the validator. */
    private final ValidatorFactory owned;
    private final JsonBuilderFactory json = JsonProvider.provider().createBuilderFactory(Map.of());
    private final Map<Bean<?>, Subject> subjects = new ConcurrentHashMap<>();

    private BeanValidationChecks(BeanManager beanManager, Validator validator, ValidatorFactory owned) {
        this.beanManager = beanManager;
        this.metadata = validator;
        this.validator = validator.forExecutables();
        this.owned = owned;
    }

    static ParamChecks create(BeanManager beanManager, List<MethodDescription> methods) {
        Instance<Object> beans = beanManager.createInstance();
        Instance<Validator> validators = beans.select(Validator.class);
        if (validators.isResolvable()) {
            return new BeanValidationChecks(beanManager, validators.get(), null);
        }
        Instance<ValidatorFactory> factories = beans.select(ValidatorFactory.class);
        if (factories.isResolvable()) {
            return new BeanValidationChecks(beanManager, factories.get().getValidator(), null);
        }
        // Building a provider's factory costs about half a second in a fresh JVM: only when a method may need it
        List<String> constrained = ConstraintScan.marked(methods);
        if (constrained.isEmpty() && BeanValidationChecks.class.getClassLoader().getResource("META-INF/validation.xml") == null) {
            return NONE;
        }
        try {
            ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
            return new BeanValidationChecks(beanManager, factory.getValidator(), factory);
        } catch (ValidationException noProvider) {
            if (!constrained.isEmpty()) {
                // constraints that are silently not enforced would expose the methods to what they declare they refuse
                throw new IllegalStateException("invalid JSON-RPC services:\n  " + String.join("\n  ", constrained.stream()
                        .map(m -> m + " has Bean Validation constraints, but no validator could be built ("
                                + noProvider.getMessage() + "); add a provider, such as Hibernate Validator with Expressly,"
                                + " or remove the constraints")
                        .toList()), noProvider);
            }
            LOG.log(Level.INFO, () -> "JRWS-0601 Bean Validation's API is present but no provider could start ("
                    + noProvider.getMessage() + "); params of service methods are not validated");
            return NONE;
        }
    }

    @Override
    public RpcMethod attach(RpcMethod method, MethodDescription description, Bean<?> bean) {
        Method javaMethod = description.method();
        MethodDescriptor constraints;
        try {
            constraints = metadata.getConstraintsForClass(description.service())
                    .getConstraintsForMethod(javaMethod.getName(), javaMethod.getParameterTypes());
        } catch (ValidationException e) {
            throw new IllegalArgumentException(description.javaName() + " has Bean Validation constraints that cannot be used: "
                    + e.getMessage(), e);
        }
        if (constraints == null || !constraints.hasConstrainedParameters()) {
            return method;
        }
        Subject subject = subjects.computeIfAbsent(bean, b -> new Subject(beanManager, b));
        return method.withParamCheck(new Check(validator, subject, javaMethod, labels(method), json));
    }

    /** How each Java parameter is named in a path: its by-name key, else {@code #index} as in other -32602 answers. */
    private static String[] labels(RpcMethod method) {
        List<Param> params = method.params();
        String[] labels = new String[params.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = params.get(i) instanceof Param.Json p && p.name() != null ? p.name() : "#" + i;
        }
        return labels;
    }

    @Override
    public void close() {
        subjects.values().forEach(Subject::destroy);
        if (owned != null) {
            owned.close();
        }
    }

    /** The check of one method's arguments. */
    private static final class Check implements ParamCheck {
        private final ExecutableValidator validator;
        private final Subject subject;
        private final Method method;
        private final String[] labels;
        private final JsonBuilderFactory json;

        Check(ExecutableValidator validator, Subject subject, Method method, String[] labels, JsonBuilderFactory json) {
            this.validator = validator;
            this.subject = subject;
            this.method = method;
            this.labels = labels;
            this.json = json;
        }

        @Override
        public ErrorObject check(Object[] args) {
            Set<ConstraintViolation<Object>> violations = validator.validateParameters(subject.get(), method, args);
            if (violations.isEmpty()) {
                return null;
            }
            List<String[]> found = new ArrayList<>(violations.size());
            for (ConstraintViolation<Object> v : violations) {
                found.add(new String[] {path(v.getPropertyPath()), v.getMessage()});
            }
            found.sort(Comparator.<String[], String>comparing(f -> f[0]).thenComparing(f -> f[1]));
            JsonArrayBuilder list = json.createArrayBuilder();
            for (String[] f : found) {
                list.add(json.createObjectBuilder().add("path", f[0]).add("message", f[1]));
            }
            return new ErrorObject(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid params",
                    json.createObjectBuilder().add("violations", list).build());
        }

        /**
         * The path in the client's terms: the parameter as the params name it, then members and elements. The method's
         * own node is left out, and so is a cross-parameter constraint's (its path is then empty: the params as a whole).
         */
        private String path(Path path) {
            StringBuilder out = new StringBuilder();
            for (Path.Node node : path) {
                ElementKind kind = node.getKind();
                if (kind == ElementKind.PARAMETER) {
                    out.append(labels[node.as(Path.ParameterNode.class).getParameterIndex()]);
                    continue;
                }
                if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER) {
                    continue;
                }
                if (node.isInIterable()) {
                    Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                    out.append('[').append(at == null ? "" : at).append(']');
                }
                if (kind == ElementKind.PROPERTY) {
                    out.append(out.length() == 0 ? "" : ".").append(node.getName());
                }
            }
            return out.toString();
        }
    }

    /**
     * The object Bean Validation is given for a service's methods: its client proxy where it has one of the bean
     * class's type, else one instance made for this alone (see the class comment), at the first checked call.
     */
    private static final class Subject {
        private final BeanManager beanManager;
        private final Bean<?> bean;
        private volatile Object object;
        private CreationalContext<?> made;

        Subject(BeanManager beanManager, Bean<?> bean) {
            this.beanManager = beanManager;
            this.bean = bean;
        }

        Object get() {
            Object o = object;
            return o != null ? o : make();
        }

        private synchronized Object make() {
            if (object == null) {
                CreationalContext<?> context = beanManager.createCreationalContext(bean);
                if (beanManager.isNormalScope(bean.getScope()) && bean.getTypes().contains(bean.getBeanClass())) {
                    object = beanManager.getReference(bean, bean.getBeanClass(), context);
                } else {
                    object = create(bean, context);
                    made = context;
                }
            }
            return object;
        }

        @SuppressWarnings("unchecked")
        private static <T> T create(Bean<T> bean, CreationalContext<?> context) {
            return bean.create((CreationalContext<T>) context);
        }

        @SuppressWarnings("unchecked")
        synchronized void destroy() {
            if (made != null) {
                ((Bean<Object>) bean).destroy(object, (CreationalContext<Object>) made);
                made = null;
                object = null;
            }
        }
    }
}
