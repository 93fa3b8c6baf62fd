package io.jsonrpcws.impl.model;

import io.jsonrpcws.api.JsonRpcSubscription;

/**
 * The wire names and buffer of a subscription method ({@link io.jsonrpcws.api.JsonRpcSubscription}), resolved at
 * deployment.
 *
 * @param notification the full method name of the item notifications
 * @param unsubscribe  the full method name of the request that ends a subscription
 * @param buffer       items sent beyond demand that may wait
 * @param overflow     what an item beyond the buffer does
 */
public record SubscriptionSpec(String notification, String unsubscribe, int buffer, JsonRpcSubscription.Overflow overflow) {
}
