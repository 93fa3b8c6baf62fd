package io.jsonrpcws.standalone;

import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.tyrus.spi.UpgradeRequest;

/**
 * Declines every HTTP upgrade but WebSocket, so that such a request is served as plain HTTP/1.1, which RFC 9110
 * allows a server to do with any {@code Upgrade} offer. Clients offer {@code Upgrade: h2c} on their own: curl's
 * {@code --http2} and the JDK's {@code HttpClient} at its default version do on every cleartext request.
 * <p>
 * Grizzly's HTTP codec takes any request with an {@code Upgrade} header for one that switches protocols: as soon
 * as the header is parsed, before it looks at {@code Content-Length}, it marks the request to skip content
 * framing. The body then never ends, so a handler reading it waits for the connection to close; and the
 * response's {@code Content-Type} and length are not written. Nothing but Tyrus can take an upgrade on this
 * listener, and Tyrus takes only {@code websocket}. The codec announces the upgrade to the filters above it
 * while it is still deciding, so this filter, right above the codec, undoes the mark there, in time for the
 * codec to frame the body from the request's own headers. Filters that run later see the parsed request and are
 * too late.
 */
final class WebSocketUpgradesOnly extends AboveHttpCodec {

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) {
        if (event.type() != HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
            return ctx.getInvokeAction();
        }
        HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
        // The same test Tyrus's GrizzlyServerFilter makes, so that what Tyrus would pass over is declined here
        if (!header.isRequest() || UpgradeRequest.WEBSOCKET.equalsIgnoreCase(header.getUpgrade())) {
            return ctx.getInvokeAction();
        }
        header.setIgnoreContentModifiers(false);
        // Also makes the codec keep the connection alive after the response, instead of closing it as upgraded
        header.getUpgradeDC().recycle();
        header.getHeaders().removeHeader(Header.Upgrade);
        return ctx.getStopAction();
    }
}
