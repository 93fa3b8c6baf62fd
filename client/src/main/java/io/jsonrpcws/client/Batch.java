package io.jsonrpcws.client;

import io.jsonrpcws.api.Params;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Calls and notifications sent together, as one JSON-RPC batch frame:
 *
 * <pre>{@code
 * List<CompletionStage<Object>> answers = client.batch()
 *         .call("calc.add", Double.class, 1, 2)
 *         .notify("log.info", "adding")
 *         .call("calc.multiply", Double.class, 3, 4)
 *         .send();
 * }</pre>
 *
 * <p>Each call gets its own stage, completed by its own answer whatever the order in which the server
 * answers. Made by {@link JsonRpcClient#batch()}; sent at most once. Not thread-safe: build it on one thread.
 */
public final class Batch {

    /** One member; {@code resultType} is {@code null} for a notification. */
    record Member(String method, Type resultType, Duration timeout, Params params) {
    }

    private final JsonRpcClient client;
    private final List<Member> members = new ArrayList<>();
    private boolean sent;

    Batch(JsonRpcClient client) {
        this.client = client;
    }

    /**
     * Adds a call with the client's default timeout.
     *
     * @param method     the server's method name; not {@code null}
     * @param resultType the Java type its {@code result} is bound to; not {@code null}
     * @param params     the positional params, serialized with the client's JSON-B
     * @return this batch
     */
    public Batch call(String method, Class<?> resultType, Object... params) {
        return call(client.defaultTimeout(), method, resultType, params);
    }

    /**
     * Adds a call with a timeout of its own and a possibly generic result type.
     *
     * @param timeout    how long to wait for the answer, from {@link #send()}; not {@code null}
     * @param method     the server's method name; not {@code null}
     * @param resultType the Java type its {@code result} is bound to, such as a {@code ParameterizedType}
     * @param params     the positional params, serialized with the client's JSON-B
     * @return this batch
     */
    public Batch call(Duration timeout, String method, Type resultType, Object... params) {
        return call(timeout, method, resultType, positional(params));
    }

    /**
     * Adds a call with the client's default timeout, its params by position or by name as {@link Params} says.
     *
     * @return this batch
     */
    public Batch call(String method, Class<?> resultType, Params params) {
        return call(client.defaultTimeout(), method, resultType, params);
    }

    /**
     * Adds a call with a timeout of its own, its params by position or by name as {@link Params} says.
     *
     * @return this batch
     */
    public Batch call(Duration timeout, String method, Type resultType, Params params) {
        add(new Member(Objects.requireNonNull(method, "method"), Objects.requireNonNull(resultType, "resultType"),
                Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(params, "params")));
        return this;
    }

    /**
     * Adds a notification: a call the server does not answer.
     *
     * @param method the server's method name; not {@code null}
     * @param params the positional params, serialized with the client's JSON-B
     * @return this batch
     */
    public Batch notify(String method, Object... params) {
        return notify(method, positional(params));
    }

    /**
     * Adds a notification, its params by position or by name as {@link Params} says.
     *
     * @return this batch
     */
    public Batch notify(String method, Params params) {
        add(new Member(Objects.requireNonNull(method, "method"), null, null, Objects.requireNonNull(params, "params")));
        return this;
    }

    private static Params positional(Object[] params) {
        return params == null ? Params.byPosition() : Params.byPosition(params);
    }

    private void add(Member member) {
        if (sent) {
            throw new IllegalStateException("the batch was sent already");
        }
        members.add(member);
    }

    /**
     * Sends the batch as one frame. Returns at once.
     *
     * @return one stage per {@link #call call}, in the order the calls were added (notifications have none);
     *         each completes with its result bound to its type, or exceptionally as
     *         {@link JsonRpcClient#call(Duration, String, Type, Object...)} does
     * @throws IllegalStateException          when the batch is empty or was sent already
     * @throws jakarta.json.bind.JsonbException when a param cannot be serialized; nothing is sent then and
     *                                        the stages of the batch's calls fail with the same exception
     */
    public List<CompletionStage<Object>> send() {
        if (sent) {
            throw new IllegalStateException("the batch was sent already");
        }
        if (members.isEmpty()) {
            throw new IllegalStateException("an empty batch is not a valid JSON-RPC message");
        }
        sent = true;
        return client.connection().sendBatch(members);
    }
}
