package io.jsonrpcws.standalone;

import io.jsonrpcws.cdi.RequestGate;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Applies the {@link RequestGate} on the standalone runtime, in the filter chain between the HTTP codec and both
 * Tyrus's WebSocket filter and the HTTP handlers, so that WebSocket handshakes and HTTP calls meet the same policy
 * before either transport sees them. Every request has its {@code Host} checked; requests to the endpoint's path
 * are judged in full. A refused request is answered here, and its connection closed once the answer is written:
 * the rest of the request (a body, or the frames of a refused handshake) is never read. An admitted request goes on
 * with the gate's CORS headers already on its response.
 */
final class RequestGateFilter extends BaseFilter implements AddOn {

    /** The request attribute that records the gate's decision for the request's later content. */
    private static final String DECIDED = RequestGateFilter.class.getName() + ".admitted";

    private final RequestGate gate;
    private final String path;

    RequestGateFilter(RequestGate gate, String path) {
        this.gate = gate;
        this.path = path;
    }

    /** Goes right before Grizzly's HTTP server filter; register it before Tyrus's add-on, which goes there too. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int server = builder.indexOfType(HttpServerFilter.class);
        if (server < 0) {
            throw new IllegalStateException("no Grizzly HTTP server filter in the filter chain of " + listener.getName());
        }
        builder.add(server, this);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        if (!(ctx.getMessage() instanceof HttpContent content)) {
            return ctx.getInvokeAction();
        }
        HttpHeader header = content.getHttpHeader();
        if (!header.isRequest()) {
            return ctx.getInvokeAction();
        }
        HttpRequestPacket request = (HttpRequestPacket) header;
        Object decided = request.getAttribute(DECIDED);
        if (decided == Boolean.TRUE) {
            return ctx.getInvokeAction();
        }
        if (decided == Boolean.FALSE) {
            // the remainder of a refused request, until its connection closes
            content.recycle();
            return ctx.getStopAction();
        }
        RequestGate.Verdict verdict = judge(request);
        request.setAttribute(DECIDED, verdict.proceed());
        HttpResponsePacket response = request.getResponse();
        verdict.headers().forEach(response::setHeader);
        if (verdict.proceed()) {
            return ctx.getInvokeAction();
        }
        refuse(ctx, request, response, verdict);
        content.recycle();
        return ctx.getStopAction();
    }

    private RequestGate.Verdict judge(HttpRequestPacket request) {
        String uri = request.getRequestURI();
        if (uri.equals(path) || uri.startsWith(path + "/")) {
            return gate.check(request.getMethod().getMethodString(), request.isSecure() ? "https" : "http",
                    request::getHeader);
        }
        return gate.allowsHost(request.getHeader(Header.Host))
                ? new RequestGate.Verdict(true, 0, null, Map.of())
                : new RequestGate.Verdict(false, 403, "unknown host", Map.of());
    }

    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, HttpResponsePacket response,
                               RequestGate.Verdict verdict) {
        // the codec frames a handshake's answer as the start of an upgraded stream; this one is plain HTTP
        request.setIgnoreContentModifiers(false);
        response.setIgnoreContentModifiers(false);
        response.setStatus(verdict.status());
        response.setHeader(Header.Connection, "close");
        byte[] body = verdict.message() == null ? new byte[0] : verdict.message().getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) {
            response.setContentType("text/plain;charset=UTF-8");
        }
        response.setContentLength(body.length);
        Connection<?> connection = ctx.getConnection();
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(answer, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }

            @Override
            public void failed(Throwable failure) {
                connection.closeSilently();
            }
        });
    }
}
