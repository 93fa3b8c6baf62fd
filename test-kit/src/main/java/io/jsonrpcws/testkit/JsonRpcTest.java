package io.jsonrpcws.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the application on the standalone runtime for the annotated test class, and hands its tests
 * connected clients:
 *
 * <pre>{@code
 * @JsonRpcTest(services = Calculator.class)
 * class CalculatorTest {
 *     @Test
 *     void adds(JsonRpcClient client) throws Exception {
 *         assertEquals(3.0, client.call("calc.add", Double.class, 1, 2).toCompletableFuture().get(5, SECONDS));
 *     }
 * }
 * }</pre>
 *
 * <p>Before the class's first test a {@link io.jsonrpcws.standalone.JsonRpcServer} starts on
 * {@code 127.0.0.1} and a free port; after its last test it stops. Tests, lifecycle methods and constructors
 * may declare parameters of these types, and the class may declare non-static, non-final fields of them, set
 * before each test:
 * <ul>
 *   <li>{@link io.jsonrpcws.client.JsonRpcClient}: a new client connected to the server, closed after the
 *       test (after the class, for a {@code @BeforeAll} parameter). Each parameter is a client of its own, so
 *       a test that declares two has two connections. Annotated with {@link ClientConfig}, it has handlers, a
 *       timeout, headers and whatever a method of the test class sets on its builder.</li>
 *   <li>{@link io.jsonrpcws.standalone.JsonRpcServer}: the running server, for its CDI container
 *       ({@code server.cdi().select(...)}) or to connect clients configured otherwise.</li>
 *   <li>{@link java.net.URI}: the server's WebSocket endpoint, such as {@code ws://127.0.0.1:40123/jsonrpc}.</li>
 * </ul>
 *
 * <p>{@code @Nested} classes share their enclosing class's server unless they carry this annotation too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(JsonRpcTestExtension.class)
public @interface JsonRpcTest {

    /**
     * The bean classes to deploy: services and the beans they need. Empty (the default) discovers every bean
     * archive of the test classpath, as the standalone runtime does.
     */
    Class<?>[] services() default {};

    /**
     * Runtime settings as {@code key=value}, such as {@code "jsonrpcws.in-order=true"}, with the keys of the
     * configuration table; the others keep their defaults (system properties are not read). An unknown key
     * fails the test class.
     */
    String[] properties() default {};
}
