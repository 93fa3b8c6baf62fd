package io.jsonrpcws.client;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link JsonRpcClient#subscribe(SubscribeOptions, String, java.lang.reflect.Type, io.jsonrpcws.api.Params)}
 * subscribes: the names of the server's notifications and unsubscribe method, the bound of undelivered items, and
 * what happens after a reconnection. Immutable: each method returns new options.
 *
 * <pre>{@code
 * SubscribeOptions.defaults().resume("after", "seq").onResubscribe(r -> log.info("resubscribed, resumed " + r.resumed()))
 * }</pre>
 */
public final class SubscribeOptions {

    private static final SubscribeOptions DEFAULTS = new SubscribeOptions(null, null, 256, r -> {
    }, null, null);

    private final String notification;
    private final String unsubscribe;
    private final int buffer;
    private final Consumer<Resubscription> onResubscribe;
    private final String resumeParam;
    private final String resumeKey;

    private SubscribeOptions(String notification, String unsubscribe, int buffer, Consumer<Resubscription> onResubscribe,
                             String resumeParam, String resumeKey) {
        this.notification = notification;
        this.unsubscribe = unsubscribe;
        this.buffer = buffer;
        this.onResubscribe = onResubscribe;
        this.resumeParam = resumeParam;
        this.resumeKey = resumeKey;
    }

    /**
     * The defaults: the server's default names (derived from the method's name), a bound of 256 items, nobody told
     * of resubscriptions, no resuming.
     */
    public static SubscribeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The method of the server's item notifications. Unless set, {@code <namespace>.subscription} where the
     * subscribe method's name has a namespace (what comes before its last '.'), else {@code subscription}: the
     * server's defaults.
     */
    public SubscribeOptions notification(String method) {
        return new SubscribeOptions(Objects.requireNonNull(method, "method"), unsubscribe, buffer, onResubscribe,
                resumeParam, resumeKey);
    }

    /**
     * The server's method that ends a subscription, called with {@code [id]}. Unless set,
     * {@code <namespace>.unsubscribe}, or {@code unsubscribe} without a namespace.
     */
    public SubscribeOptions unsubscribe(String method) {
        return new SubscribeOptions(notification, Objects.requireNonNull(method, "method"), buffer, onResubscribe,
                resumeParam, resumeKey);
    }

    /**
     * How many items received and not yet delivered (the subscriber has not asked for them) the subscription keeps
     * before the client stops reading its connection; 256 unless set.
     *
     * @throws IllegalArgumentException when below 1
     */
    public SubscribeOptions buffer(int items) {
        if (items < 1) {
            throw new IllegalArgumentException("buffer must be at least 1: " + items);
        }
        return new SubscribeOptions(notification, unsubscribe, items, onResubscribe, resumeParam, resumeKey);
    }

    /**
     * Told each time the subscription is made again after a reconnection, on the client's executor, in order with
     * the subscriber's signals: after the items of the lost server subscription, before those of the new one.
     */
    public SubscribeOptions onResubscribe(Consumer<Resubscription> listener) {
        return new SubscribeOptions(notification, unsubscribe, buffer, Objects.requireNonNull(listener, "listener"),
                resumeParam, resumeKey);
    }

    /**
     * Resumes after a reconnection: the subscribe request is sent again with the original params, by name, but
     * {@code param} set to the {@code key} property of the last item received (as the server wrote it, read from
     * the item's JSON object), so that a server method that goes on after that item leaves no gap and repeats
     * nothing; {@link Resubscription#resumed()} is then {@code true}. Before any item, the original params are sent.
     * When the last item has no such property, the original params are sent and {@code resumed} is {@code false}.
     * The subscription's params must be by name.
     *
     * @param param the name of the param that says where to go on, such as {@code "after"}
     * @param key   the item's property that says where it is, such as {@code "seq"}
     */
    public SubscribeOptions resume(String param, String key) {
        return new SubscribeOptions(notification, unsubscribe, buffer, onResubscribe,
                Objects.requireNonNull(param, "param"), Objects.requireNonNull(key, "key"));
    }

    String notificationFor(String method) {
        return notification != null ? notification : namespaced(method, "subscription");
    }

    String unsubscribeFor(String method) {
        return unsubscribe != null ? unsubscribe : namespaced(method, "unsubscribe");
    }

    private static String namespaced(String method, String name) {
        int dot = method.lastIndexOf('.');
        return dot < 0 ? name : method.substring(0, dot + 1) + name;
    }

    int buffer() {
        return buffer;
    }

    Consumer<Resubscription> resubscribed() {
        return onResubscribe;
    }

    String resumeParam() {
        return resumeParam;
    }

    String resumeKey() {
        return resumeKey;
    }

    @Override
    public String toString() {
        return "SubscribeOptions[notification=" + notification + ", unsubscribe=" + unsubscribe + ", buffer=" + buffer
                + (resumeParam == null ? "" : ", resume " + resumeParam + " from " + resumeKey) + "]";
    }
}
