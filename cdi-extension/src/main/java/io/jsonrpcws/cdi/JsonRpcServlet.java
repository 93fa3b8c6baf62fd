package io.jsonrpcws.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/**
 * JSON-RPC over HTTP POST in a WAR, registered with async support by {@link JsonRpcServletInitializer}. See
 * {@link HttpCalls}. The request is put in asynchronous mode: its body is read with a {@link ReadListener} as it
 * arrives, and the answer written with a {@link WriteListener} once the calls' stage completes, so no container
 * thread waits for a slow client or a slow method.
 */
public final class JsonRpcServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How much longer than {@code jsonrpcws.http-timeout} the container lets an answer take to be written. */
    private static final long WRITE_GRACE_MILLIS = 30_000;

    private transient volatile HttpCalls calls;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpCalls c = calls();
        HttpCalls.Answer refusal = c.refusal(request.getMethod(), request.getContentType(), request.getContentLengthLong());
        if (refusal != null) {
            head(response, refusal);
            return;
        }
        HttpCalls.Admission admission = c.admit(headers(request), request.getSession(false), request.getUserPrincipal(),
                request::isUserInRole);
        if (admission.refusal() != null) {
            head(response, admission.refusal());
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(c.timeout().toMillis() + WRITE_GRACE_MILLIS);
        HttpExchange exchange = c.begin(request.getContentLengthLong(), admission, answer -> send(async, answer));
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                // the exchange's own timer comes first: this is the container's guard, and ends an answer that
                // the client has not taken within the grace
                boolean writing = exchange.answered();
                exchange.timeOut();
                if (writing) {
                    event.getAsyncContext().complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                exchange.fail(event.getThrowable());
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ServletInputStream in = request.getInputStream();
        BodyReader reader = new BodyReader(in, exchange);
        in.setReadListener(reader);
        // Some containers (Grizzly's servlet) call the listener only once isReady() has said false; asking here arms
        // them, and reads what has come. The others call it when this method returns, and it finds what is left.
        boolean ready;
        try {
            ready = in.isReady();
        } catch (IllegalStateException alreadyWaiting) {
            // Payara: the container registered its own wait for data with the listener and will call it; asking
            // again while it waits is refused there, and is not needed
            ready = false;
        }
        if (ready) {
            reader.onDataAvailable();
        }
    }

    private static void head(HttpServletResponse response, HttpCalls.Answer answer) {
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

    private static void send(AsyncContext async, HttpCalls.Answer answer) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        head(response, answer);
        if (answer.body() == null) {
            async.complete();
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        try {
            ServletOutputStream out = response.getOutputStream();
            BodyWriter writer = new BodyWriter(out, body, async);
            out.setWriteListener(writer);
            // as for reading: some containers call the listener only once isReady() has said false
            writer.onWritePossible();
        } catch (IOException e) {
            async.complete();
        }
    }

    /** Hands the body to the exchange as the container reads it; one callback at a time, whoever calls. */
    private static final class BodyReader implements ReadListener {
        private final ServletInputStream in;
        private final HttpExchange exchange;

        BodyReader(ServletInputStream in, HttpExchange exchange) {
            this.in = in;
            this.exchange = exchange;
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            byte[] chunk = new byte[8192];
            while (in.isReady()) {
                int n = in.read(chunk);
                if (n < 0 || !exchange.append(chunk, 0, n)) {
                    return;
                }
            }
        }

        @Override
        public synchronized void onAllDataRead() {
            exchange.end();
        }

        @Override
        public synchronized void onError(Throwable failure) {
            exchange.fail(failure);
        }
    }

    /** Writes the answer as fast as the client takes it, then completes the request; one callback at a time. */
    private static final class BodyWriter implements WriteListener {
        private static final int CHUNK = 16_384;
        private final ServletOutputStream out;
        private final byte[] body;
        private final AsyncContext async;
        private int written;
        private boolean completed;

        BodyWriter(ServletOutputStream out, byte[] body, AsyncContext async) {
            this.out = out;
            this.body = body;
            this.async = async;
        }

        @Override
        public synchronized void onWritePossible() throws IOException {
            while (!completed && out.isReady()) {
                if (written == body.length) {
                    complete();
                    return;
                }
                int n = Math.min(CHUNK, body.length - written);
                out.write(body, written, n);
                written += n;
            }
        }

        @Override
        public synchronized void onError(Throwable failure) {
            if (!completed) {
                complete();
            }
        }

        private void complete() {
            completed = true;
            async.complete();
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private HttpCalls calls() {
        HttpCalls c = calls;
        if (c == null) {
            c = new HttpCalls(runtime());
            calls = c;
        }
        return c;
    }

    /** The deployment's runtime, found through CDI once the application has started. */
    static JsonRpcRuntime runtime() {
        JsonRpcRuntime runtime = CDI.current().getBeanManager().getExtension(JsonRpcExtension.class).runtime();
        if (runtime == null) {
            throw new IllegalStateException("the jsonrpcws runtime did not start; see the deployment log");
        }
        return runtime;
    }
}
