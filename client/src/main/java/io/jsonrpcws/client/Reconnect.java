package io.jsonrpcws.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a {@link JsonRpcClient} reconnects after it lost its connection: up to
 * {@code maxAttempts} attempts per outage, the first after {@code initialDelay}, each further one after
 * twice the previous delay, never more than {@code maxDelay}. A successful attempt starts the count
 * afresh for the next outage.
 *
 * @param maxAttempts  attempts per outage before the client gives up and closes for good; at least 1
 * @param initialDelay the wait before the first attempt; not negative
 * @param maxDelay     the longest wait between attempts; not shorter than {@code initialDelay}
 */
public record Reconnect(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /**
     * @throws IllegalArgumentException when {@code maxAttempts < 1}, a delay is negative, or
     *                                  {@code maxDelay < initialDelay}
     * @throws NullPointerException     when a delay is {@code null}
     */
    public Reconnect {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("reconnect needs maxAttempts >= 1 and 0 <= initialDelay <= maxDelay: "
                    + maxAttempts + ", " + initialDelay + ", " + maxDelay);
        }
    }

    /**
     * The wait before an attempt.
     *
     * @param attempt the attempt's number in this outage, from 1
     * @return {@code initialDelay * 2^(attempt - 1)}, at most {@code maxDelay}
     */
    public Duration delay(int attempt) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
