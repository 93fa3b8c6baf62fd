package io.jsonrpcws.impl.model;

/** What a service method's return type means for the response. */
public enum ResultKind {
    /** {@code void}: the result is {@code null}. */
    VOID,
    /** A value, serialized as the result. */
    VALUE,
    /** A {@link java.util.concurrent.CompletionStage}: the result is sent when it completes. */
    COMPLETION_STAGE,
    /**
     * A {@link java.util.concurrent.Flow.Publisher}: the result is a subscription id, and the items follow as
     * notifications ({@link SubscriptionSpec}).
     */
    PUBLISHER,
    /** Not an application method: ends one of the connection's subscriptions, its id the one param. */
    UNSUBSCRIBE,
    /** Not an application method: {@code $/cancelRequest}, which cancels the running call whose id is its param. */
    CANCEL
}
