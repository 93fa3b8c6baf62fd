package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcAuthenticator;
import io.jsonrpcws.api.JsonRpcExceptionMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a deployment runs with, as its operator reads it in the startup line: the methods and where they are
 * served, HTTP, the application's exception mappers, JSON-B settings and authenticator, and how calls run. It also
 * tells which customising classes of the application are not beans, hence not used: under
 * {@code bean-discovery-mode="annotated"} a mapper or producer without a bean-defining annotation is ignored by CDI,
 * and without a word the application would answer -32603 or write default JSON.
 *
 * @param methods        the number of JSON-RPC methods
 * @param mappers        the application's exception mappers, each {@code mapper class (exception class)}
 * @param jsonb          where the JSON-B settings come from
 * @param authenticator  the authenticator's bean class, or {@code null}
 * @param calls          how calls run (executor and invocation path)
 * @param customisers    the bean classes of every bean that customises the runtime
 */
record Startup(int methods, List<String> mappers, String jsonb, String authenticator, String calls,
               Set<Class<?>> customisers) {

    Startup {
        mappers = List.copyOf(mappers);
        customisers = Set.copyOf(customisers);
    }

    /** The startup line, for the endpoint at {@code where} (a URI, or the WAR's context path and the endpoint path). */
    String line(String where, boolean http) {
        return "JRWS-0108 jsonrpcws: " + methods + " JSON-RPC methods at " + where
                + (http ? " (WebSocket and HTTP POST)" : " (WebSocket; HTTP POST off)")
                + "; exception mappers: " + (mappers.isEmpty() ? "none" : String.join(", ", mappers))
                + "; JSON-B: " + jsonb
                + (authenticator == null ? "" : "; authenticator: " + authenticator)
                + "; calls run on " + calls;
    }

    /**
     * The warnings for those of {@code found} (application classes that implement a customising type, or declare a
     * {@code @Produces} member of one) that are not among the beans that customise the runtime; one per class.
     */
    List<String> unused(Collection<Class<?>> found) {
        List<String> warnings = new ArrayList<>();
        found.stream().filter(c -> !customisers.contains(c)).sorted(Comparator.comparing(Class::getName))
                .forEach(c -> {
                    String what = role(c);
                    if (what != null) {
                        warnings.add("JRWS-0603 " + what + " " + c.getName() + " is not used: it is not a CDI bean"
                                + " with the @Default qualifier. Under bean-discovery-mode=\"annotated\" a class needs"
                                + " a bean-defining annotation: annotate it @ApplicationScoped (or set"
                                + " bean-discovery-mode=\"all\" in its archive's beans.xml)");
                    }
                });
        return warnings;
    }

    /** What the class would customise, or {@code null} when it is no concrete customiser. */
    private static String role(Class<?> c) {
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            return null;
        }
        if (JsonRpcExceptionMapper.class.isAssignableFrom(c)) {
            return "exception mapper";
        }
        if (JsonRpcAuthenticator.class.isAssignableFrom(c)) {
            return "authenticator";
        }
        try {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Produces.class) && isJsonb(m.getReturnType())) {
                    return "JSON-B producer";
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Produces.class) && isJsonb(f.getType())) {
                    return "JSON-B producer";
                }
            }
        } catch (LinkageError e) {
            // a class whose members refer to what the deployment lacks produces nothing of ours
        }
        return null;
    }

    private static boolean isJsonb(Class<?> type) {
        return type == Jsonb.class || type == JsonbConfig.class;
    }
}
