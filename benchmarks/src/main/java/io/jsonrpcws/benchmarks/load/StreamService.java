package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.util.concurrent.Flow;

/**
 * This framework's side of the streams benchmark: subscription methods that send one pre-built value again and
 * again, as fast as the demand allows, and one that never sends. Items go out as {@code feed.subscription}.
 */
@JsonRpcService("feed")
public class StreamService {

    /** The short string item. */
    public static final String TEXT = "ACME 101.25 +0.75";

    /** The small record item. */
    public static final Quote QUOTE = new Quote("ACME", 101.25, 0.75, 1_764_633_600_000L);

    /** A price quote: the small record the streams benchmark sends. */
    public record Quote(String symbol, double price, double change, long time) {
    }

    /** {@link #TEXT}, {@code count} times, then the end. */
    @JsonRpcMethod
    public Flow.Publisher<String> strings(long count) {
        return new Repeat<>(TEXT, count);
    }

    /** {@link #QUOTE}, {@code count} times, then the end. */
    @JsonRpcMethod
    public Flow.Publisher<Quote> quotes(long count) {
        return new Repeat<>(QUOTE, count);
    }

    /** Never sends anything, nor ends: an idle subscription. */
    @JsonRpcMethod
    public Flow.Publisher<String> silence() {
        return subscriber -> subscriber.onSubscribe(Silent.SUBSCRIPTION);
    }

    private enum Silent implements Flow.Subscription {
        SUBSCRIPTION;

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
