package io.jsonrpcws.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Settles the wire names and the buffer of a subscription method: a {@link JsonRpcMethod} that returns
 * {@code java.util.concurrent.Flow.Publisher<T>}. Such a method is a subscription method with or without this
 * annotation, which then has its defaults.
 *
 * <p>A request of the method is answered at once with a subscription id (a string unique on the connection); each
 * item then reaches the client as a notification of {@link #notification()} whose params are
 * {@code {"subscription": id, "result": item}}. When the publisher completes, a last notification has
 * {@code {"subscription": id, "completed": true}}; when it fails, {@code {"subscription": id, "error": {code,
 * message, data}}}, the exception mapped as a call's would be. The client ends a subscription with a request of
 * {@link #unsubscribe()}, params {@code [id]} or {@code {"subscription": id}}, answered {@code true}
 * ({@code false} for an id the connection does not have); the server then cancels the publisher's
 * {@code Flow.Subscription}. A subscription also ends with its connection.
 *
 * <p>Demand reaches the publisher only as the connection's sender writes the items out, so a publisher that honours
 * {@code request(n)} never makes the server buffer. What a publisher sends beyond its demand waits in a buffer of
 * {@link #buffer()} items; past it, {@link #overflow()} decides.
 *
 * <p>The names are prefixed with the service's namespace, as method names are: in {@code @JsonRpcService("feed")}
 * the defaults are {@code feed.subscription} and {@code feed.unsubscribe}. Several subscription methods may share
 * their names. With no namespace, the Ethereum contract reads:
 * {@code @JsonRpcMethod("eth_subscribe") @JsonRpcSubscription(notification = "eth_subscription",
 * unsubscribe = "eth_unsubscribe")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonRpcSubscription {

    /** The method name of the notifications that carry the items and the end. */
    String notification() default "subscription";

    /** The method name of the request that ends a subscription. */
    String unsubscribe() default "unsubscribe";

    /** How many items sent beyond the publisher's demand wait at most; at least 1. */
    int buffer() default 1024;

    /** What happens to an item beyond {@link #buffer()}. */
    Overflow overflow() default Overflow.DROP_OLDEST;

    /** What a subscription does when its publisher sends more than its buffer holds. */
    enum Overflow {
        /** The oldest waiting item is dropped for the new one; the client sees a gap. */
        DROP_OLDEST,
        /**
         * The subscription ends: its publisher is cancelled and the client gets the error notification with
         * {@link JsonRpcErrorCodes#SUBSCRIPTION_OVERFLOW}.
         */
        FAIL,
        /** The connection is closed with 1008: the client could not keep up. */
        CLOSE
    }
}
