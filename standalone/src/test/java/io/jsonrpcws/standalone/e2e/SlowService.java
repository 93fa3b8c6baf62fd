package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.util.concurrent.atomic.AtomicInteger;

/** A method that takes its time, for tests of what else goes on meanwhile. */
@JsonRpcService("slow")
public class SlowService {

    private final AtomicInteger sleeping = new AtomicInteger();

    @JsonRpcMethod
    public String sleep(int millis) throws InterruptedException {
        sleeping.incrementAndGet();
        try {
            Thread.sleep(Math.min(millis, 10_000));
        } finally {
            sleeping.decrementAndGet();
        }
        return "slept " + millis;
    }

    /** How many calls are in their sleep now. */
    public int sleeping() {
        return sleeping.get();
    }

    /** A request to sleep, JSON-RPC 2.0. */
    static String call(int millis, int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"slow.sleep\",\"params\":[" + millis + "],\"id\":" + id + "}";
    }
}
