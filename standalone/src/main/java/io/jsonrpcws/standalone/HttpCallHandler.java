package io.jsonrpcws.standalone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.jsonrpcws.cdi.HttpCalls;
import io.jsonrpcws.cdi.HttpExchange;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.WriteHandler;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.io.NIOOutputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * JSON-RPC over HTTP POST on the standalone runtime, at the endpoint's path; WebSocket upgrades to the
 * same path never reach it. See {@link HttpCalls} for the status policy.
 * <p>
 * No Grizzly thread waits: the response is suspended, the body is taken with a {@link ReadHandler} as it arrives,
 * the answer is written with a {@link WriteHandler} as the client takes it once the calls' stage completes, and
 * the response is then resumed. A client that sends its body slowly, or never finishes it, holds a connection and
 * its buffered bytes, never a thread.
 */
final class HttpCallHandler extends HttpHandler {

    private static final System.Logger LOG = System.getLogger(HttpCallHandler.class.getName());
    private static final int CHUNK = 16_384;

    private final HttpCalls calls;

    HttpCallHandler(HttpCalls calls) {
        this.calls = calls;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        HttpCalls.Answer refusal = calls.refusal(request.getMethod().getMethodString(), request.getContentType(),
                request.getContentLengthLong());
        if (refusal != null) {
            head(response, refusal);
            return;
        }
        // the standalone runtime has no container users: identity comes from the application's authenticator
        HttpCalls.Admission admission = calls.admit(headers(request), null, null, role -> false);
        if (admission.refusal() != null) {
            head(response, admission.refusal());
            return;
        }
        HttpExchange exchange = calls.begin(request.getContentLengthLong(), admission, answer -> send(response, answer));
        // no Grizzly time-out: the exchange has its own. Grizzly cancels the response when the connection closes,
        // and may then give it to another request: from then on nothing may touch it.
        response.suspend(-1, TimeUnit.MILLISECONDS, new EmptyCompletionHandler<>() {
            @Override
            public void cancelled() {
                exchange.abandon();
            }
        });
        NIOInputStream in = request.getNIOInputStream();
        in.notifyAvailable(new BodyReader(in, request.getRequest(), exchange));
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : request.getHeaderNames()) {
            List<String> values = new ArrayList<>();
            request.getHeaders(name).forEach(values::add);
            headers.put(name, values);
        }
        return headers;
    }

    private static void head(Response response, HttpCalls.Answer answer) {
        response.setStatus(answer.status());
        if (answer.allow() != null) {
            response.setHeader("Allow", answer.allow());
        }
        if (answer.authenticate() != null) {
            response.setHeader("WWW-Authenticate", answer.authenticate());
        }
        if (answer.close()) {
            response.setHeader("Connection", "close");
        }
    }

    private static void send(Response response, HttpCalls.Answer answer) {
        head(response, answer);
        // Grizzly would keep the connection to skip the rest of an unread body, which may never come
        Connection<?> closing = answer.close() ? response.getRequest().getContext().getConnection() : null;
        if (answer.body() == null) {
            finish(response, closing);
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        new BodyWriter(response, body, closing).onWritePossible();
    }

    /** Resumes the response, which Grizzly then finishes, and closes its connection once written if asked to. */
    private static void finish(Response response, Connection<?> closing) {
        response.resume();
        if (closing != null) {
            closing.closeSilently();
        }
    }

    /** Hands the body to the exchange as Grizzly reads it; asks for more until the body ends. */
    private static final class BodyReader implements ReadHandler {
        private final NIOInputStream in;
        /** Grizzly's parsed request, whose codec stops expecting content once it has the body's last byte. */
        private final HttpRequestPacket head;
        private final HttpExchange exchange;

        BodyReader(NIOInputStream in, HttpRequestPacket head, HttpExchange exchange) {
            this.in = in;
            this.head = head;
            this.exchange = exchange;
        }

        @Override
        public void onDataAvailable() throws IOException {
            // Asking for more after the body's last part would keep reading a connection whose request is being
            // answered. Grizzly hands that part to onDataAvailable and calls onAllDataRead itself right after, but
            // the stream only counts as finished in between: registered now, this handler would be taken as
            // waiting for more body, and Grizzly would arm the connection's reading again while its response is
            // still suspended. The next request of a kept-alive connection is then read by a second thread beside
            // the first request's answer, and the resumed response arms reading once more: two threads parse one
            // byte stream, so requests are cut apart and answered with a wrong status, a parse error or not at all,
            // and parts of them reach a recycled request (GRIZZLY0013, a NullPointerException in
            // ServerInputBuffer.getThreadPool). The codec stops expecting content once it has parsed the body's
            // last byte, before it hands that part over.
            if (drain() && head.isExpectContent()) {
                in.notifyAvailable(this);
            }
        }

        @Override
        public void onAllDataRead() throws IOException {
            if (drain()) {
                exchange.end();
            }
        }

        @Override
        public void onError(Throwable failure) {
            exchange.fail(failure);
        }

        /** Takes what has arrived, without waiting; {@code false} when the exchange wants no more. */
        private boolean drain() throws IOException {
            int ready = in.readyData();
            byte[] chunk = ready > 0 ? new byte[Math.min(ready, CHUNK)] : null;
            while (ready > 0) {
                int n = in.read(chunk, 0, Math.min(ready, chunk.length));
                if (!exchange.append(chunk, 0, n)) {
                    return false;
                }
                ready = in.readyData();
            }
            return !exchange.answered();
        }
    }

    /** Writes the answer as fast as the client takes it, then resumes the response, which Grizzly finishes. */
    private static final class BodyWriter implements WriteHandler {
        private final Response response;
        private final NIOOutputStream out;
        private final byte[] body;
        private final Connection<?> closing;
        private int written;

        BodyWriter(Response response, byte[] body, Connection<?> closing) {
            this.response = response;
            this.out = response.getNIOOutputStream();
            this.body = body;
            this.closing = closing;
        }

        @Override
        public void onWritePossible() {
            try {
                while (written < body.length) {
                    if (!out.canWrite()) {
                        out.notifyCanWrite(this);
                        return;
                    }
                    int n = Math.min(CHUNK, body.length - written);
                    out.write(body, written, n);
                    written += n;
                }
            } catch (IOException e) {
                onError(e);
                return;
            }
            finish(response, closing);
        }

        @Override
        public void onError(Throwable failure) {
            LOG.log(Level.DEBUG, "JRWS-0804 writing an HTTP answer failed; the client has gone?", failure);
            finish(response, closing);
        }
    }
}
