package io.jsonrpcws.api;

import java.lang.reflect.Type;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One client's WebSocket connection, as services see it, and the way to call the client back.
 *
 * <p>Injectable with {@code @Inject} wherever a call or a connection event of the connection is active,
 * and resolvable as a service method parameter. The object stays valid after the connection closes;
 * {@link #isOpen()} then answers {@code false}. Thread-safe.
 *
 * <p>Calls to the client are written in the JSON-RPC version the connection speaks: by default the version of
 * the first message the client sent (2.0 until one arrives), or the one configured with
 * {@code jsonrpcws.client-protocol}. In JSON-RPC 1.0 a notification carries {@code "id": null} and params are
 * always an array.
 */
public interface JsonRpcSession {

    /** An id unique among the open sessions of this server. */
    String id();

    /** The authenticated user of the handshake, if any. */
    Optional<Principal> userPrincipal();

    /**
     * Whether the connection's user has this role: the {@link JsonRpcAuthenticator}'s roles, or in a WAR without
     * one the container's, evaluated at the handshake for the roles the services name in {@code @RolesAllowed}.
     */
    boolean isUserInRole(String role);

    /** The handshake's HTTP headers, names in lower case; unmodifiable. */
    Map<String, List<String>> headers();

    /** The handshake's query parameters; unmodifiable. */
    Map<String, List<String>> queryParameters();

    /** The path parameters of the endpoint's URI template; unmodifiable. */
    Map<String, String> pathParameters();

    /**
     * The HTTP session of the handshake where the container has one ({@code jakarta.servlet.http.HttpSession}
     * in a WAR); empty on the standalone runtime.
     */
    Optional<Object> httpSession();

    /** Properties for the application's own use, kept for the life of the connection; thread-safe. */
    Map<String, Object> properties();

    /** Whether the connection is open. */
    boolean isOpen();

    /** Closes the connection normally (1000). Does nothing if it is closed already. */
    void close();

    /**
     * Closes the connection with a code and reason.
     *
     * @param code   a WebSocket close code: 1000, 1001, 1008, 1011, or one from 4000 to 4999
     * @param reason at most 123 bytes of UTF-8; may be empty
     */
    void close(int code, String reason);

    /**
     * Sends the client a notification: a call that expects no answer. Returns at once; the frame is
     * queued behind the connection's other outgoing frames. Does nothing if the connection is closed.
     *
     * @param method the client's method name
     * @param params the positional params, serialized with the application's JSON-B
     */
    void notify(String method, Object... params);

    /**
     * Sends the client a notification whose params are by position or by name, as {@link Params} says; otherwise
     * as {@link #notify(String, Object...)}.
     *
     * @throws IllegalStateException when the params are by name and the connection speaks JSON-RPC 1.0
     *                               (see {@code jsonrpcws.client-protocol}), whose params are always an array
     */
    void notify(String method, Params params);

    /**
     * Calls a method of the client and returns its answer, with the default timeout
     * ({@code jsonrpcws.request-timeout}, 30 seconds unless configured).
     *
     * @param method     the client's method name
     * @param resultType the Java type the {@code result} is bound to
     * @param params     the positional params, serialized with the application's JSON-B
     * @return a stage that completes with the result; exceptionally with a {@link JsonRpcException} for an
     *         error answer, a {@link java.util.concurrent.TimeoutException} when no answer came in time, or a
     *         {@link ConnectionClosedException} when the connection closed first
     */
    <T> CompletionStage<T> request(String method, Class<T> resultType, Object... params);

    /**
     * Like {@link #request(String, Class, Object...)}, with a timeout of its own and a generic result type.
     *
     * @param timeout    how long to wait for the answer
     * @param resultType the Java type the {@code result} is bound to, such as a {@code ParameterizedType}
     */
    <T> CompletionStage<T> request(Duration timeout, String method, Type resultType, Object... params);

    /**
     * Like {@link #request(String, Class, Object...)}, with params by position or by name as {@link Params} says.
     * By-name params on a connection that speaks JSON-RPC 1.0 fail the stage at once with an
     * {@link IllegalStateException}; nothing is sent.
     */
    <T> CompletionStage<T> request(String method, Class<T> resultType, Params params);

    /**
     * Like {@link #request(Duration, String, Type, Object...)}, with params by position or by name as
     * {@link Params} says. By-name params on a connection that speaks JSON-RPC 1.0 fail the stage at once with an
     * {@link IllegalStateException}; nothing is sent.
     */
    <T> CompletionStage<T> request(Duration timeout, String method, Type resultType, Params params);

    /**
     * A typed proxy of the client's methods: an interface whose methods carry {@link JsonRpcMethod} (and
     * whose {@link JsonRpcService} names a namespace, if any). A {@code void} method sends a notification;
     * a method returning {@code CompletionStage<T>} sends a request and completes as
     * {@link #request(Duration, String, Type, Object...)} does. Other return types are refused here. Params go
     * by position, or by name for methods marked {@link NamedParams}.
     *
     * @throws IllegalArgumentException when {@code clientInterface} is not an interface of such methods, or a
     *                                  {@link NamedParams} method has a parameter without a name
     */
    <T> T remote(Class<T> clientInterface);
}
