package io.jsonrpcws.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * A Flow subscriber that keeps what it is given: items in order, and its end ({@link #end} completes on
 * {@code onComplete}, fails with {@code onError}'s exception). It requests {@code initial} items on subscribing.
 */
final class Received<T> implements Flow.Subscriber<T> {

    final List<T> items = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> end = new CompletableFuture<>();
    final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    /** Signals that came after the end, or twice: Reactive Streams forbids them. */
    final List<String> misbehaviour = new CopyOnWriteArrayList<>();
    private final long initial;

    Received(long initial) {
        this.initial = initial;
    }

    /** A subscriber that asks for everything at once. */
    static <T> Received<T> all() {
        return new Received<>(Long.MAX_VALUE);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(s)) {
            misbehaviour.add("onSubscribe twice");
        }
        if (initial > 0) {
            s.request(initial);
        }
    }

    @Override
    public void onNext(T item) {
        if (end.isDone()) {
            misbehaviour.add("onNext after the end: " + item);
        }
        items.add(item);
    }

    @Override
    public void onError(Throwable failure) {
        if (!end.completeExceptionally(failure)) {
            misbehaviour.add("onError after the end: " + failure);
        }
    }

    @Override
    public void onComplete() {
        if (!end.complete(null)) {
            misbehaviour.add("onComplete after the end");
        }
    }

    Flow.Subscription subscription() {
        return Await.result(subscription);
    }
}
