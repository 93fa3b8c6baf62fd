package io.jsonrpcws.examples;

import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSubscription;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an Ethereum client library needs of a node to follow its new blocks, without namespace as go-ethereum names
 * it: the chain id and network version, the block number, and {@code eth_subscribe("newHeads")} with items as
 * {@code eth_subscription} and {@code eth_unsubscribe}. A block comes every 20 ms; its header carries the number
 * (hex, as the library parses it), a hash, the parent's hash and a timestamp. {@code test_calls} and
 * {@code test_headsCancelled} let a test see what the library called and that its unsubscribe reached the publisher.
 */
@JsonRpcService
public class Chain {

    /** The chain id answered, 1337 as local development chains have it. */
    static final long CHAIN_ID = 1337;

    private final AtomicLong head = new AtomicLong(0x100);
    private final AtomicInteger cancelled = new AtomicInteger();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @JsonRpcMethod("eth_chainId")
    public String chainId() {
        calls.add("eth_chainId");
        return hex(CHAIN_ID);
    }

    @JsonRpcMethod("net_version")
    public String netVersion() {
        calls.add("net_version");
        return Long.toString(CHAIN_ID);
    }

    @JsonRpcMethod("eth_blockNumber")
    public String blockNumber() {
        calls.add("eth_blockNumber");
        return hex(head.get());
    }

    /** New block headers, from the next number on; "newHeads" is the only kind there is. */
    @JsonRpcMethod("eth_subscribe")
    @JsonRpcSubscription(notification = "eth_subscription", unsubscribe = "eth_unsubscribe")
    public Flow.Publisher<Header> subscribe(String kind) {
        calls.add("eth_subscribe " + kind);
        if (!"newHeads".equals(kind)) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "no such subscription: " + kind);
        }
        return new Streams.Ticker<>(Long.MAX_VALUE, 20, i -> header(head.incrementAndGet()), null,
                cancelled::incrementAndGet);
    }

    /** The methods the library called, in order, with the kind of subscription. */
    @JsonRpcMethod("test_calls")
    public List<String> calls() {
        return calls;
    }

    /** How many newHeads publishers were cancelled: by eth_unsubscribe, or with their connection. */
    @JsonRpcMethod("test_headsCancelled")
    public int headsCancelled() {
        return cancelled.get();
    }

    private static Header header(long number) {
        return new Header(hex(number), hash(number), hash(number - 1), hex(1_700_000_000L + number));
    }

    private static String hex(long n) {
        return "0x" + Long.toHexString(n);
    }

    private static String hash(long n) {
        return "0x" + String.format("%064x", n);
    }

    /** The part of a block header that clients read. */
    public record Header(String number, String hash, String parentHash, String timestamp) {
    }
}
