package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.Params;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Calls and notifications sent together, as one JSON-RPC batch frame:
 *
 * <pre>{@code
 * Batch batch = client.batch();
 * CompletionStage<Double> sum = batch.call("calc.add", Double.class, 1, 2);
 * CompletionStage<List<Item>> items = batch.call("shop.items", new TypeRef<List<Item>>() {}, "books");
 * batch.notify("log.info", "adding").send();
 * }</pre>
 *
 * <p>Each {@code call} returns its own stage, typed as asked, which completes once the batch is sent and the
 * server has answered that call, whatever the order of the answers; it completes as
 * {@link JsonRpcCalls#call(Duration, String, Type, Params)} says, its timeout counting from {@link #send()}.
 * A batch that is never sent leaves its stages incomplete. Made by {@link JsonRpcCalls#batch()}; sent at most once.
 * Not thread-safe: build it on one thread.
 */
public final class Batch {

    /** One member; {@code resultType}, {@code timeout} and {@code stage} are {@code null} for a notification. */
    record Member(String method, Type resultType, Duration timeout, Params params, CompletableFuture<Object> stage) {
    }

    private final Duration defaultTimeout;
    private final Consumer<Outgoing> route;
    private final List<Member> members = new ArrayList<>();
    private boolean sent;

    /**
     * @param route sends the batch, or refuses it ({@link Outgoing#refuse})
     */
    Batch(Duration defaultTimeout, Consumer<Outgoing> route) {
        this.defaultTimeout = defaultTimeout;
        this.route = route;
    }

    /**
     * Adds a call with the client's default timeout.
     *
     * @param method     the server's method name; not {@code null}
     * @param resultType the Java type its {@code result} is bound to; not {@code null}
     * @param params     the positional params, serialized with the client's JSON-B
     * @return the call's stage, completed after {@link #send()}
     */
    public <T> CompletionStage<T> call(String method, Class<T> resultType, Object... params) {
        return call(defaultTimeout, method, resultType, positional(params));
    }

    /**
     * Adds a call with the client's default timeout, its params by position or by name as {@link Params} says.
     *
     * @return the call's stage, completed after {@link #send()}
     */
    public <T> CompletionStage<T> call(String method, Class<T> resultType, Params params) {
        return call(defaultTimeout, method, resultType, params);
    }

    /**
     * Adds a call with the client's default timeout and a generic result type:
     * {@code batch.call("shop.items", new TypeRef<List<Item>>() {}, "books")}.
     *
     * @return the call's stage, completed after {@link #send()}
     */
    public <T> CompletionStage<T> call(String method, TypeRef<T> resultType, Object... params) {
        return call(defaultTimeout, method, resultType, positional(params));
    }

    /**
     * Adds a call with the client's default timeout and a generic result type, its params by position or by name.
     *
     * @return the call's stage, completed after {@link #send()}
     */
    public <T> CompletionStage<T> call(String method, TypeRef<T> resultType, Params params) {
        return call(defaultTimeout, method, resultType, params);
    }

    /**
     * Adds a call with a timeout of its own and a generic result type, its params by position or by name.
     *
     * @param timeout how long to wait for the answer, from {@link #send()}; not {@code null}
     * @return the call's stage, completed after {@link #send()}
     */
    public <T> CompletionStage<T> call(Duration timeout, String method, TypeRef<T> resultType, Params params) {
        return call(timeout, method, Objects.requireNonNull(resultType, "resultType").type(), params);
    }

    /**
     * Adds a call with a timeout of its own and a generic result type.
     *
     * @param timeout how long to wait for the answer, from {@link #send()}; not {@code null}
     * @return the call's stage, completed after {@link #send()}
     */
    public <T> CompletionStage<T> call(Duration timeout, String method, TypeRef<T> resultType, Object... params) {
        return call(timeout, method, Objects.requireNonNull(resultType, "resultType").type(), positional(params));
    }

    /**
     * Adds a call with a timeout of its own and a possibly generic result type.
     *
     * @param timeout    how long to wait for the answer, from {@link #send()}; not {@code null}
     * @param method     the server's method name; not {@code null}
     * @param resultType the Java type its {@code result} is bound to, such as a {@code ParameterizedType}
     * @param params     the positional params, serialized with the client's JSON-B
     * @return the call's stage, completed after {@link #send()}
     */
    public <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Object... params) {
        return call(timeout, method, resultType, positional(params));
    }

    /**
     * Adds a call with a timeout of its own, its params by position or by name as {@link Params} says.
     *
     * @return the call's stage, completed after {@link #send()}
     */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> call(Duration timeout, String method, Type resultType, Params params) {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        add(new Member(Objects.requireNonNull(method, "method"), Objects.requireNonNull(resultType, "resultType"),
                Objects.requireNonNull(timeout, "timeout"), Objects.requireNonNull(params, "params"), stage));
        return (CompletionStage<T>) (CompletionStage<?>) stage;
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
        add(new Member(Objects.requireNonNull(method, "method"), null, null, Objects.requireNonNull(params, "params"), null));
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
     * Sends the batch as one frame, or queues it while the client reconnects. Returns at once.
     *
     * @return the stages of the calls, in the order they were added (notifications have none): the same stages
     *         that {@code call} returned
     * @throws IllegalStateException            when the batch is empty or was sent already
     * @throws ConnectionClosedException        when a batch of notifications only cannot be sent (a batch with
     *                                          calls fails their stages instead)
     * @throws jakarta.json.bind.JsonbException when a param cannot be serialized on an open connection; nothing is
     *                                          sent then and the stages of the batch's calls fail with the same
     *                                          exception (a queued batch only fails its stages)
     */
    public List<CompletionStage<?>> send() {
        if (sent) {
            throw new IllegalStateException("the batch was sent already");
        }
        if (members.isEmpty()) {
            throw new IllegalStateException("an empty batch is not a valid JSON-RPC message");
        }
        sent = true;
        List<CompletionStage<?>> stages = new ArrayList<>();
        for (Member m : members) {
            if (m.stage() != null) {
                stages.add(m.stage());
            }
        }
        route.accept(new Outgoing.BatchOf(List.copyOf(members), System.nanoTime()));
        return List.copyOf(stages);
    }
}
