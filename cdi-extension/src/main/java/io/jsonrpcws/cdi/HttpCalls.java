package io.jsonrpcws.cdi;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * JSON-RPC over HTTP POST, for the servlet of WARs and the standalone runtime's handler alike, without their
 * transports: the checks of a request's head, and {@link HttpExchange}s that take its body as it arrives and
 * answer once. Neither reading nor answering holds a thread while waiting.
 *
 * <p>Status policy: every JSON-RPC answer, errors included, is sent with 200 and {@code application/json},
 * as geth and jsonrpsee do; a frame that answers nothing (notifications only) gets 204. The HTTP layer
 * itself refuses what is not a JSON-RPC POST: 405 for another method, 415 for another media type, 413
 * beyond {@code jsonrpcws.max-message-size}; 408 when the body has not arrived and 504 when the calls have not
 * answered within {@code jsonrpcws.http-timeout}. Each POST has its own request context; there is no
 * connection, so {@code @ConnectionScoped} beans and {@code JsonRpcSession} parameters are refused with a
 * clear error. Each POST is admitted as a WebSocket handshake would be (see {@link #admit}). Thread-safe.
 */
public final class HttpCalls {

    /**
     * What to send back.
     *
     * @param status the HTTP status
     * @param body   JSON to send as {@code application/json}, or {@code null} for none
     * @param allow  the {@code Allow} header, or {@code null}
     * @param close  whether to close the connection after the answer: the body was not read to its end
     * @param authenticate the {@code WWW-Authenticate} header, or {@code null}
     */
    public record Answer(int status, String body, String allow, boolean close, String authenticate) {
        Answer(int status, String body, String allow, boolean close) {
            this(status, body, allow, close, null);
        }

        static Answer status(int status) {
            return new Answer(status, null, null, false);
        }

        static Answer closing(int status) {
            return new Answer(status, null, null, true);
        }
    }

    private final JsonRpcRuntime runtime;

    public HttpCalls(JsonRpcRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * The answer to a request that is refused on its head alone, or {@code null} when its body is to be read.
     *
     * @param method        the HTTP method
     * @param contentType   the Content-Type header, or {@code null}
     * @param contentLength the declared length, or -1
     */
    public Answer refusal(String method, String contentType, long contentLength) {
        if (!"POST".equals(method)) {
            return new Answer(405, null, "POST", false);
        }
        if (!isJson(contentType)) {
            return Answer.status(415);
        }
        if (contentLength > runtime.config().maxMessageSize()) {
            return Answer.closing(413);
        }
        return null;
    }

    /**
     * Who a request that passed {@link #refusal} comes from, decided as for a WebSocket handshake: the
     * application's {@code JsonRpcAuthenticator} (401 or 403 when it refuses, with {@code WWW-Authenticate: Bearer}
     * for 401), else the container's user; then the {@code SessionOpened} observers, whose refusal answers 403. So
     * one gate admits WebSocket connections and HTTP calls alike. While the runtime stops, the answer is 503.
     *
     * @param headers     the request's headers
     * @param httpSession the container's HTTP session, or {@code null}
     * @param principal   the container's authenticated user, or {@code null}
     * @param inRole      whether the container's user has a role
     */
    public Admission admit(Map<String, List<String>> headers, Object httpSession, Principal principal,
                           Predicate<String> inRole) {
        if (runtime.stopping()) {
            // like a WebSocket connection opened now, which is closed with 1001: another server may take the call
            return new Admission(Answer.closing(503), null);
        }
        HandshakeData request = runtime.authenticate(HandshakeData.of(headers, httpSession), new ContainerUser() {
            @Override
            public Principal principal() {
                return principal;
            }

            @Override
            public boolean isInRole(String role) {
                return inRole.test(role);
            }
        });
        if (request.refusal() != null) {
            int status = request.refusal().status();
            return new Admission(new Answer(status, null, null, true, status == 401 ? "Bearer" : null), null);
        }
        HttpCaller caller = new HttpCaller(request);
        String refused = runtime.admit(caller);
        return refused != null ? new Admission(Answer.closing(403), null) : new Admission(null, caller);
    }

    /** The outcome of {@link #admit}: a refusal to send, or the caller whose calls may run. */
    public static final class Admission {
        private final Answer refusal;
        private final HttpCaller caller;

        private Admission(Answer refusal, HttpCaller caller) {
            this.refusal = refusal;
            this.caller = caller;
        }

        /** The answer refusing the request, or {@code null} when it is admitted. */
        public Answer refusal() {
            return refusal;
        }
    }

    /**
     * Starts a request that was admitted: its body is to be handed to the exchange as it arrives.
     * {@code jsonrpcws.http-timeout} runs from now.
     *
     * @param contentLength the declared length, or -1
     * @param admitted      what {@link #admit} returned, without a refusal
     * @param responder     sends an answer; called exactly once, on any thread
     */
    public HttpExchange begin(long contentLength, Admission admitted, Consumer<Answer> responder) {
        if (admitted.caller == null) {
            throw new IllegalArgumentException("the request was refused");
        }
        return new HttpExchange(runtime, admitted.caller, new BodyAccumulator(runtime.config().maxMessageSize(), contentLength),
                runtime.config().httpTimeout(), responder);
    }

    /** {@code jsonrpcws.http-timeout}. */
    public Duration timeout() {
        return runtime.config().httpTimeout();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
