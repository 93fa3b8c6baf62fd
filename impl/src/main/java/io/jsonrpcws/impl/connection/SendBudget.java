package io.jsonrpcws.impl.connection;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on what all the connections of a server may have queued for sending together: slow readers, each
 * under its own connection's bound, must not add up to the server's memory. When the total goes over, the
 * connection with the longest queue is closed with 1008, which frees its queue at once.
 *
 * <p>Thread-safe; the cost is one atomic addition per queued frame, and a scan of the senders only when over.
 */
public final class SendBudget {

    private static final System.Logger LOG = System.getLogger(SendBudget.class.getName());

    private final long maxQueued;
    private final AtomicLong queued = new AtomicLong();
    private final Set<SerialSender> senders = ConcurrentHashMap.newKeySet();

    /** @param maxQueued characters that may wait to be sent on all connections together */
    public SendBudget(long maxQueued) {
        this.maxQueued = maxQueued;
    }

    /** No bound beyond each connection's own: for a client, which has one connection at a time. */
    public static SendBudget unbounded() {
        return new SendBudget(Long.MAX_VALUE);
    }

    void register(SerialSender sender) {
        if (maxQueued != Long.MAX_VALUE) {
            senders.add(sender);
        }
    }

    void unregister(SerialSender sender) {
        senders.remove(sender);
    }

    /** Characters queued now on every connection. */
    public long queued() {
        return queued.get();
    }

    /**
     * Takes note of characters queued (or, negative, sent or dropped); sheds the longest queue while the total is
     * over. Never called holding a sender's lock.
     */
    void adjust(long chars) {
        if (queued.addAndGet(chars) > maxQueued && chars > 0) {
            shed();
        }
    }

    /**
     * One thread at a time, so that threads that saw the total over at the same moment do not each close a
     * connection for it: the next looks again once the last has shed. Takes senders' locks while holding this
     * one, never the other way round (senders adjust the budget outside their lock).
     */
    private synchronized void shed() {
        while (queued.get() > maxQueued) {
            SerialSender longest = null;
            long most = 0;
            for (SerialSender s : senders) {
                long q = s.queued();
                if (q > most) {
                    most = q;
                    longest = s;
                }
            }
            if (longest == null) {
                return;
            }
            LOG.log(Level.WARNING, "JRWS-0204 more than " + maxQueued + " characters wait to be sent on all connections;"
                    + " closing the one with the most (" + most + ") with 1008");
            longest.shed();
        }
    }
}
