package io.jsonrpcws.cdi;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Notices WebSocket connections that have gone quiet. Each connection's {@link Watch} is told of every frame
 * and pong that arrives; the runtime's one timer thread looks at all of them every quarter of the ping
 * interval. A connection quiet for the ping interval is sent a ping, and another after each further
 * interval; one quiet for the idle timeout is closed with 1001, once it has had a ping interval to answer a ping
 * sent while it was quiet (so a late look pings first). A live peer answers pings with pongs, so what
 * gets closed is a peer that has gone without closing (a half-open TCP connection) or one that ignores pings.
 *
 * <p>It is also the safety net of the connections' teardown: a watched connection whose session is found
 * closed twice running, without the endpoint's {@code onClose} having come in between, is torn down with
 * 1006. Closes and teardowns run on the call executor, never on the timer thread, since they run observers.
 *
 * <p>Thread-safe. Nothing stays per connection once it is forgotten; the timer stops with the runtime.
 */
final class Heartbeat {

    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final long pingNanos;
    private final long idleNanos;
    private final Executor closer;
    private final BiConsumer<WebSocketConnection, CloseReason> tearDown;
    private final String idleReason;
    private final ScheduledFuture<?> looks;

    /**
     * @param timer    the thread that looks; only short, non-blocking work runs on it
     * @param closer   runs closes and teardowns
     * @param tearDown the runtime's teardown of a connection whose close was never reported
     */
    Heartbeat(ScheduledExecutorService timer, Duration pingInterval, Duration idleTimeout, Executor closer,
              BiConsumer<WebSocketConnection, CloseReason> tearDown) {
        this.pingNanos = pingInterval.toNanos();
        this.idleNanos = idleTimeout.toNanos();
        this.closer = closer;
        this.tearDown = tearDown;
        this.idleReason = "nothing received for " + idleTimeout.toMillis() + " ms";
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(10), pingNanos / 4);
        this.looks = timer.scheduleWithFixedDelay(this::look, every, every, TimeUnit.NANOSECONDS);
    }

    /** Starts watching a connection that has just opened. */
    Watch watch(Session session, WebSocketConnection connection) {
        Watch watch = new Watch(session, connection);
        watched.add(watch);
        return watch;
    }

    /** Stops watching a connection that has closed; {@code null} is ignored. */
    void forget(Watch watch) {
        if (watch != null) {
            watched.remove(watch);
        }
    }

    /** Stops looking. */
    void stop() {
        looks.cancel(false);
        watched.clear();
    }

    private void look() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            try {
                look(watch, now);
            } catch (RuntimeException e) {
                // a periodic task that throws is never run again: the other connections still need looking at
                LOG.log(Level.WARNING, "JRWS-0711 checking connection " + watch.connection.id() + " failed", e);
            }
        }
    }

    private void look(Watch watch, long now) {
        if (!watch.session.isOpen()) {
            if (watch.seenClosed) {
                forget(watch);
                LOG.log(Level.DEBUG, () -> "JRWS-0712 connection " + watch.connection.id()
                        + " closed without its close being reported; tearing it down");
                run(() -> tearDown.accept(watch.connection,
                        new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "closed without a close report")));
            }
            watch.seenClosed = true;
            return;
        }
        long lastHeard = watch.lastHeard;
        long quiet = now - lastHeard;
        // pinged while quiet, and given a ping interval to answer: a timer thread that was late (a loaded machine,
        // a long collection) pings first rather than closing a peer that was never asked
        boolean askedInTime = watch.lastPinged - lastHeard > 0 && now - watch.lastPinged >= pingNanos;
        if (quiet >= idleNanos && askedInTime) {
            forget(watch);
            LOG.log(Level.DEBUG, () -> "JRWS-0713 closing connection " + watch.connection.id() + ": " + idleReason);
            run(() -> watch.connection.close(CloseReason.CloseCodes.GOING_AWAY.getCode(), idleReason));
        } else if (quiet >= pingNanos && now - watch.lastPinged >= pingNanos) {
            watch.lastPinged = now;
            try {
                // Asynchronous in Tyrus and Undertow: the frame is queued, never waited for
                watch.session.getAsyncRemote().sendPing(NO_DATA.duplicate());
            } catch (IOException | RuntimeException closing) {
                // the connection is closing; the next look, or its close, settles it
            }
        }
    }

    private void run(Runnable action) {
        try {
            closer.execute(action);
        } catch (RejectedExecutionException shuttingDown) {
            action.run();
        }
    }

    /** What is known of one connection: when something last arrived. */
    static final class Watch {
        private final Session session;
        private final WebSocketConnection connection;
        private volatile long lastHeard = System.nanoTime();
        /** Read and written by the timer thread only. */
        private long lastPinged = lastHeard;
        private boolean seenClosed;

        private Watch(Session session, WebSocketConnection connection) {
            this.session = session;
            this.connection = connection;
        }

        /** Something arrived: a frame of a message, or a pong. */
        void heard() {
            lastHeard = System.nanoTime();
        }
    }
}
