package io.jsonrpcws.cdi.broken.subscription;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSubscription;

import java.util.concurrent.Flow;

/** Subscription methods that cannot be: on a method that returns no publisher, with no buffer, and one whose name to
 * unsubscribe is another method's. */
@JsonRpcService("feed")
public class Misnamed {

    @JsonRpcMethod
    @JsonRpcSubscription
    public int notAPublisher() {
        return 1;
    }

    @JsonRpcMethod
    @JsonRpcSubscription(buffer = 0)
    public Flow.Publisher<String> noBuffer() {
        return subscriber -> { };
    }

    @JsonRpcMethod
    @JsonRpcSubscription(unsubscribe = "stop")
    public Flow.Publisher<String> news() {
        return subscriber -> { };
    }

    @JsonRpcMethod
    public boolean stop(String id) {
        return false;
    }
}
