package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow method that blocks until the test opens the gate, and a fast one; both log what they did, in the
 * order they did it. Application-scoped: one per server.
 */
@JsonRpcService("gate")
public class GatedService {

    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Blocks until {@link #open()}, at most {@link Servers#PATIENCE}. */
    @JsonRpcMethod
    public int slow(int tag) throws InterruptedException {
        entered.incrementAndGet();
        boolean opened;
        try {
            opened = open.await(Servers.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            log.add("slow " + tag + " interrupted");
            throw e;
        }
        log.add(opened ? "slow " + tag : "slow " + tag + " timed out");
        return tag;
    }

    @JsonRpcMethod
    public int fast(int tag) {
        log.add("fast " + tag);
        return tag;
    }

    /** Large answers, for clients that do not read them. */
    @JsonRpcMethod
    public String big(int chars) {
        return "x".repeat(chars);
    }

    public int entered() {
        return entered.get();
    }

    public void open() {
        open.countDown();
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    static String call(String method, int tag, int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"gate." + method + "\",\"params\":[" + tag + "],\"id\":" + id + "}";
    }
}
