package io.jsonrpcws.client;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Says why a connection failed, in words, from what the JDK's WebSocket reports. */
final class Failures {

    private static final int MAX_DEPTH = 16;

    private Failures() {
    }

    /**
     * Why: the handshake's HTTP status, a refused connection, a time-out or an unknown host when the JDK says so;
     * else the first message in the chain of causes; the innermost cause's class only when none has a message.
     */
    static String why(Throwable failure) {
        Throwable innermost = failure;
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = t.getCause()) {
            innermost = t;
            if (t instanceof WebSocketHandshakeException h) {
                int status = h.getResponse() == null ? -1 : h.getResponse().statusCode();
                return status < 0 ? "the server refused the WebSocket handshake"
                        : "the server answered the WebSocket handshake with HTTP " + status + " instead of 101";
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return "timed out: " + orElse(t.getMessage(), "no answer");
            }
            if (t instanceof ConnectException) {
                return "connection refused" + (t.getMessage() == null || "Connection refused".equals(t.getMessage())
                        ? "" : " (" + t.getMessage() + ")");
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage());
            }
        }
        depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = t.getCause()) {
            // a wrapper's message is its cause's toString: a class name, not a reason
            if (!(t instanceof CompletionException || t instanceof ExecutionException) && t.getMessage() != null
                    && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return innermost.getClass().getName();
    }

    private static String orElse(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }
}
