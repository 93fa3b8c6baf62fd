package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.Params;
import io.jsonrpcws.api.UnusableAnswerException;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Calls to the server: what a {@link JsonRpcClient} does, and what an {@link OnOpen} hook is given for the
 * connection that has just opened.
 *
 * <p><b>Calls</b> return at once with a stage that completes with the answer's {@code result} bound to the
 * requested type, as strictly as the server binds params (a fraction or an out-of-range number for an integer type
 * is refused, {@code 2.0} is the whole number 2), or exceptionally with:
 * <ul>
 *   <li>{@link JsonRpcException}: the server's error object (code, message, {@code data} as a {@code JsonValue});</li>
 *   <li>{@link UnusableAnswerException}: a result that does not fit the type, naming the method, the type and
 *       the JSON found;</li>
 *   <li>{@link TimeoutException}: no answer within the timeout, counted from when the call was made, time spent
 *       waiting for a connection included; its message names the method, the id and the timeout. An answer that
 *       comes later is dropped;</li>
 *   <li>{@link ConnectionClosedException}: the connection closed before the answer, or the call could not be sent
 *       (the client is closed, or is reconnecting and its queue is full); its message says which;</li>
 *   <li>the JSON-B exception of a param that cannot be serialized.</li>
 * </ul>
 * Answers are matched by id, so calls may complete in any order. Stages complete on the client's executor, never
 * on the thread that reads the socket.
 *
 * <p><b>Cancelling.</b> {@code toCompletableFuture().cancel(...)} on the stage a call returned (not on a stage
 * chained to it) cancels the call: the stage completes with a {@link java.util.concurrent.CancellationException}, the
 * server's later answer is dropped, and a call already sent is cancelled on the server with the notification
 * {@code $/cancelRequest {"id": n}} (a jsonrpcws server interrupts the method's thread or cancels its stage); a call
 * still waiting for a connection is never sent.
 *
 * <p>Params go by position ({@code Object...}) or as {@link Params} says, by position or by name. Thread-safe;
 * params may be {@code null} elements, other arguments must not be {@code null}.
 */
public sealed interface JsonRpcCalls permits JsonRpcClient, OpenedConnection {

    /** The timeout of calls that do not give their own. */
    Duration defaultTimeout();

    /**
     * Calls a method of the server with a timeout of its own, its params by position or by name as {@link Params}
     * says. The timeout comes first so that it is never taken for a param.
     *
     * @param timeout    how long to wait for the answer, from now
     * @param method     the server's method name
     * @param resultType the Java type the {@code result} is bound to, such as a {@code ParameterizedType}
     *                   ({@code Void.class} to ignore it)
     * @return a stage that completes with the result (possibly {@code null}) or exceptionally, as the class
     *         comment says
     */
    <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Params params);

    /**
     * Sends a notification: a call that the server does not answer, its params by position or by name. Returns at
     * once; the frame is sent behind the client's other frames, or queued while the client reconnects.
     *
     * @throws ConnectionClosedException       when it cannot be sent: the client is closed, or is reconnecting and
     *                                         its queue is full (see {@link JsonRpcClient.Builder#queue(int)})
     * @throws jakarta.json.bind.JsonbException when a param cannot be serialized
     */
    void notify(String method, Params params);

    /** A new, empty batch of calls and notifications, sent as one frame by {@link Batch#send()}. */
    Batch batch();

    /**
     * A typed proxy of the server's methods: an interface whose methods carry {@link JsonRpcMethod} (and whose
     * {@link JsonRpcService} names a namespace, if any). A {@code void} method sends a notification; a method
     * returning {@code CompletionStage<T>} calls with the default timeout. Params go by position, or by name for
     * methods marked {@link io.jsonrpcws.api.NamedParams}.
     *
     * @throws IllegalArgumentException when the interface has methods that cannot be sent, listing them all
     */
    <T> T remote(Class<T> serverInterface);

    /**
     * Calls a method of the server with the default timeout.
     *
     * @param params the positional params, serialized with the client's JSON-B
     * @return as {@link #call(Duration, String, Type, Params)}
     */
    default <T> CompletionStage<T> call(String method, Class<T> resultType, Object... params) {
        return call(defaultTimeout(), method, resultType, positional(params));
    }

    /**
     * Calls a method of the server with the default timeout, its params by position or by name as {@link Params}
     * says: {@code client.call("feed.subscribe", String.class, Params.named().with("topic", "news"))}.
     *
     * @return as {@link #call(Duration, String, Type, Params)}
     */
    default <T> CompletionStage<T> call(String method, Class<T> resultType, Params params) {
        return call(defaultTimeout(), method, resultType, params);
    }

    /**
     * Calls a method of the server with a timeout of its own and a possibly generic result type.
     *
     * @param params the positional params, serialized with the client's JSON-B
     * @return as {@link #call(Duration, String, Type, Params)}
     */
    default <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Object... params) {
        return call(timeout, method, resultType, positional(params));
    }

    /**
     * Calls a method of the server with the default timeout and a generic result type:
     * {@code client.call("shop.items", new TypeRef<List<Item>>() {}, "books")}.
     *
     * @param params the positional params, serialized with the client's JSON-B
     * @return as {@link #call(Duration, String, Type, Params)}
     */
    default <T> CompletionStage<T> call(String method, TypeRef<T> resultType, Object... params) {
        return call(defaultTimeout(), method, resultType, positional(params));
    }

    /**
     * Calls a method of the server with the default timeout and a generic result type, its params by position or
     * by name as {@link Params} says.
     *
     * @return as {@link #call(Duration, String, Type, Params)}
     */
    default <T> CompletionStage<T> call(String method, TypeRef<T> resultType, Params params) {
        return call(defaultTimeout(), method, resultType, params);
    }

    /**
     * Calls a method of the server with a timeout of its own and a generic result type.
     *
     * @param params the positional params, serialized with the client's JSON-B
     * @return as {@link #call(Duration, String, Type, Params)}
     */
    default <T> CompletionStage<T> call(Duration timeout, String method, TypeRef<T> resultType, Object... params) {
        return call(timeout, method, resultType, positional(params));
    }

    /**
     * Calls a method of the server with a timeout of its own and a generic result type, its params by position or
     * by name as {@link Params} says.
     *
     * @return as {@link #call(Duration, String, Type, Params)}
     */
    default <T> CompletionStage<T> call(Duration timeout, String method, TypeRef<T> resultType, Params params) {
        return call(timeout, method, Objects.requireNonNull(resultType, "resultType").type(), params);
    }

    /**
     * Sends a notification with positional params; otherwise as {@link #notify(String, Params)}.
     *
     * @param params the positional params, serialized with the client's JSON-B
     */
    default void notify(String method, Object... params) {
        notify(method, positional(params));
    }

    private static Params positional(Object[] params) {
        return params == null ? Params.byPosition() : Params.byPosition(params);
    }
}
