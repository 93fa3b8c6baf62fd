package io.jsonrpcws.examples;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.NamedParams;
import io.jsonrpcws.api.Params;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service of the JavaScript tests that calls its clients with params by name, as subscription feeds do
 * ({@code eth_subscription}): {@code feed.update} notifications of {@code {subscription, result}}, and
 * {@code feed.question} requests of {@code {question, asker}}, sent by {@link Params} or a {@link NamedParams} proxy.
 */
@JsonRpcService("feed")
public class Feed {

    /** The clients' methods, as the server calls them through a typed proxy. */
    @JsonRpcService("feed")
    public interface Subscriber {
        @JsonRpcMethod
        @NamedParams
        CompletionStage<String> question(String question, String asker);
    }

    private final AtomicLong subscriptions = new AtomicLong();

    /** Returns a subscription id, and notifies the caller of its first update: {@code {subscription, result}}. */
    @JsonRpcMethod
    public String subscribe(JsonRpcSession caller, String topic) {
        String id = "0x" + Long.toHexString(subscriptions.incrementAndGet());
        caller.notify("feed.update", Params.named().with("subscription", id).with("result", new Update(topic, 1)));
        return id;
    }

    /** Asks the caller a question by name, {@code {question, asker}}, and returns its answer. */
    @JsonRpcMethod
    public CompletionStage<String> ask(JsonRpcSession caller, String question) {
        return caller.request("feed.question", String.class, Params.named().with("question", question).with("asker", "the server"));
    }

    /** As {@link #ask}, through a {@link NamedParams} proxy. */
    @JsonRpcMethod
    public CompletionStage<String> askViaProxy(JsonRpcSession caller, String question) {
        return caller.remote(Subscriber.class).question(question, "a proxy");
    }

    /** One update of a feed. */
    public record Update(String topic, int seq) {
    }
}
