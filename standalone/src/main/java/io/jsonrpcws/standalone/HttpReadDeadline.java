package io.jsonrpcws.standalone;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a TCP connection that takes longer than {@code jsonrpcws.http-read-timeout} to send a whole HTTP
 * request, WebSocket handshakes included: counted from the connection's opening, and again from the end of
 * each answer while it is kept alive. Without it a connection that sends nothing, or sends a request head a
 * byte at a time, stays open for good: the listener's keep-alive idle timeout is off, because it would also
 * end WebSocket connections. A connection whose answer was 101 has become a WebSocket connection and is
 * left to the runtime's heartbeat. Time spent answering a request is not counted.
 *
 * <p>Sits right above Grizzly's HTTP codec, where each request arrives as its parts are parsed and each
 * answer passes as it is written. The deadlines run on the runtime's one timer thread; a connection's is
 * cancelled when it closes. A connection past its deadline is closed, and dropped without ceremony if its
 * close has not completed (an answer the peer does not read) after as long again.
 */
final class HttpReadDeadline extends AboveHttpCodec {

    private static final System.Logger LOG = System.getLogger(HttpReadDeadline.class.getName());
    private static final Attribute<Deadline> DEADLINE =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HttpReadDeadline.class.getName() + ".deadline");

    private final ScheduledExecutorService timer;
    private final long timeoutNanos;

    HttpReadDeadline(ScheduledExecutorService timer, Duration timeout) {
        this.timer = timer;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Deadline deadline = new Deadline(ctx.getConnection());
        DEADLINE.set(ctx.getConnection(), deadline);
        deadline.awaitRequest();
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Deadline deadline = DEADLINE.get(ctx.getConnection());
        if (deadline != null && ctx.getMessage() instanceof HttpContent content && content.isLast()) {
            deadline.requestRead();
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        Deadline deadline = DEADLINE.get(ctx.getConnection());
        if (deadline != null && ctx.getMessage() instanceof HttpPacket packet) {
            HttpHeader header = packet.getHttpHeader();
            if (header instanceof HttpResponsePacket response && response.getStatus() == 101) {
                deadline.switchedProtocols();
            } else if (packet instanceof HttpContent content && content.isLast()) {
                deadline.answered();
            }
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Deadline deadline = DEADLINE.remove(ctx.getConnection());
        if (deadline != null) {
            deadline.closed();
        }
        return ctx.getInvokeAction();
    }

    /** The deadline of one connection. Reads and writes may come on different threads. */
    private final class Deadline {
        private final Connection<?> connection;
        private ScheduledFuture<?> timeout;
        /** A request was read whole and its answer is being made: nothing is awaited from the peer. */
        private boolean answering;
        /** An answer was written before its request was read whole. */
        private boolean answeredEarly;
        private boolean done;

        Deadline(Connection<?> connection) {
            this.connection = connection;
        }

        /** Waits for a request from now on. */
        synchronized void awaitRequest() {
            cancel();
            if (done) {
                return;
            }
            try {
                timeout = timer.schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // the runtime is stopping, and closes every connection itself
            }
        }

        synchronized void requestRead() {
            if (done) {
                return;
            }
            if (answeredEarly) {
                answeredEarly = false;
                awaitRequest();
            } else {
                cancel();
                answering = true;
            }
        }

        synchronized void answered() {
            if (done) {
                return;
            }
            if (answering) {
                answering = false;
                awaitRequest();
            } else {
                // the request is still arriving: its deadline goes on
                answeredEarly = true;
            }
        }

        /** The connection is a WebSocket connection now. */
        synchronized void switchedProtocols() {
            done = true;
            cancel();
        }

        synchronized void closed() {
            done = true;
            cancel();
        }

        private void cancel() {
            if (timeout != null) {
                timeout.cancel(false);
                timeout = null;
            }
        }

        private void expire() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                try {
                    timeout = timer.schedule(connection::terminateSilently, timeoutNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopping) {
                    timeout = null;
                }
            }
            LOG.log(Level.DEBUG, () -> "JRWS-0721 closing connection from " + connection.getPeerAddress()
                    + ": no whole HTTP request within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            connection.closeSilently();
        }
    }
}
