package io.jsonrpcws.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures the {@link io.jsonrpcws.client.JsonRpcClient} that {@link JsonRpcTest} injects into the annotated
 * parameter or field, so that a test of the server's calls to its client needs no client of its own:
 *
 * <pre>{@code
 * @Test
 * void theServerAsksTheClient(@ClientConfig(handlers = Answers.class, timeout = "PT5S") JsonRpcClient client) {
 *     assertEquals("answer to why", Await.result(client.call("caller.ask", String.class, "why")));
 * }
 * }</pre>
 *
 * <p>For what the annotation's members cannot say (handler objects the test keeps to look at, reconnection, a
 * {@code JsonbConfig}, an {@code onOpen} hook), {@link #configure()} names a method of the test class that is handed
 * the client's builder. Invalid values fail the test with a message that names the annotated element.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface ClientConfig {

    /**
     * Handler classes whose {@code @JsonRpcMethod} methods answer the server's calls: each is instantiated for each
     * client with its no-argument constructor, of any visibility (a nested class must be {@code static}).
     */
    Class<?>[] handlers() default {};

    /** The default timeout of calls, an ISO-8601 duration such as {@code "PT5S"} or {@code "PT0.5S"}; empty: 30 s. */
    String timeout() default "";

    /** The queue's bound while reconnecting (see {@code JsonRpcClient.Builder.queue}); negative: the default, 1024. */
    int queue() default -1;

    /** Headers of the opening handshake, each {@code "Name: value"}. */
    String[] headers() default {};

    /** A bearer token, sent as {@code Authorization: Bearer <token>}; empty: none. */
    String bearerToken() default "";

    /**
     * The name of a method of the test class (or of an enclosing class, for a {@code @Nested} test) with one
     * parameter, a {@code JsonRpcClient.Builder}, that configures the client further; it runs after the members
     * above. A static method, or an instance method called on the current test instance (not for parameters of
     * {@code @BeforeAll} methods in the default lifecycle, which have no instance). Empty: none.
     */
    String configure() default "";
}
