package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;

import java.time.Duration;

/** A call that takes a while, so that a test can undeploy the application while it runs. */
@JsonRpcService("errand")
public class Errand {

    /** How long {@link #run} works after it told the client that it started. */
    public static final Duration LENGTH = Duration.ofSeconds(2);

    /** Notifies {@code errand.started}, works for {@link #LENGTH}, then answers {@code "done"}. */
    @JsonRpcMethod
    public String run(JsonRpcSession session) throws InterruptedException {
        session.notify("errand.started");
        Thread.sleep(LENGTH.toMillis());
        return "done";
    }
}
