package io.jsonrpcws.cdi;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The count of a deployment's open WebSocket connections against {@code jsonrpcws.max-connections}. The gate refuses
 * handshakes while it is full; a connection that still opens past the limit (handshakes racing past the gate
 * together) finds no slot here and is closed at once. Lock-free.
 */
final class ConnectionSlots {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionSlots(int max) {
        this.max = max;
    }

    /** Takes a slot for a connection that is opening; {@code false} when all are taken. */
    boolean tryAcquire() {
        int n;
        do {
            n = open.get();
            if (n >= max) {
                return false;
            }
        } while (!open.compareAndSet(n, n + 1));
        return true;
    }

    /** Gives back the slot of a connection that has closed. */
    void release() {
        open.decrementAndGet();
    }

    boolean full() {
        return open.get() >= max;
    }
}
