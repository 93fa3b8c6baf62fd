package io.jsonrpcws.standalone;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.IOStrategy;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.strategies.AbstractIOStrategy;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * Reads WebSocket connections on Grizzly's selector threads, and HTTP on its worker threads.
 *
 * <p>The runtime never blocks the thread that reads a frame: calls that may block go to the call executor, and
 * what runs where the frame is read (answers to this side's calls, refusals, {@code @NonBlocking} calls) is
 * short. A worker thread between the selector and the call executor would only add a hand-off per frame, a
 * thread woken and put to sleep again, which measured as the largest single cost of a small call. HTTP keeps the
 * worker threads: handshakes run the application's authenticator, and POST and static file handlers may block.
 *
 * <p>A connection counts as a WebSocket connection from the moment its 101 answer is written, which {@link #addOn}
 * watches for; the peer cannot send a frame before it has that answer.
 */
final class WebSocketReadsOnSelector extends AbstractIOStrategy {

    private static final Attribute<Boolean> UPGRADED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(WebSocketReadsOnSelector.class.getName() + ".upgraded");

    private final IOStrategy http = WorkerThreadIOStrategy.getInstance();
    private final IOStrategy webSocket = SameThreadIOStrategy.getInstance();

    @Override
    public boolean executeIoEvent(Connection connection, IOEvent ioEvent, boolean isIoEventEnabled) throws IOException {
        return strategyFor(connection, ioEvent).executeIoEvent(connection, ioEvent, isIoEventEnabled);
    }

    @Override
    public Executor getThreadPoolFor(Connection connection, IOEvent ioEvent) {
        return strategyFor(connection, ioEvent).getThreadPoolFor(connection, ioEvent);
    }

    private IOStrategy strategyFor(Connection<?> connection, IOEvent ioEvent) {
        return ioEvent == IOEvent.READ && UPGRADED.isSet(connection) ? webSocket : http;
    }

    /** The add-on that marks a connection as upgraded when its 101 answer passes. */
    AddOn addOn() {
        return new UpgradeWatch();
    }

    private static final class UpgradeWatch extends AboveHttpCodec {
        @Override
        public NextAction handleWrite(FilterChainContext ctx) throws IOException {
            if (ctx.getMessage() instanceof HttpPacket packet
                    && packet.getHttpHeader() instanceof HttpResponsePacket response && response.getStatus() == 101) {
                UPGRADED.set(ctx.getConnection(), Boolean.TRUE);
            }
            return ctx.getInvokeAction();
        }
    }
}
