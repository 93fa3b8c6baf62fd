package io.jsonrpcws.cdi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON-RPC over HTTP POST, for the servlet of WARs and the standalone runtime's handler alike.
 *
 * <p>Status policy: every JSON-RPC answer, errors included, is sent with 200 and {@code application/json},
 * as geth and jsonrpsee do; a frame that answers nothing (notifications only) gets 204. The HTTP layer
 * itself refuses what is not a JSON-RPC POST: 405 for another method, 415 for another media type, 413
 * beyond {@code jsonrpcws.max-message-size}. Each POST has its own request context; there is no
 * connection, so {@code @ConnectionScoped} beans and {@code JsonRpcSession} parameters are refused with a
 * clear error.
 */
public final class HttpCalls {

    private static final System.Logger LOG = System.getLogger(HttpCalls.class.getName());

    /** What to send back. {@code body} is {@code null} for none. */
    public record Answer(int status, String body, String allow) {
        static Answer status(int status) {
            return new Answer(status, null, null);
        }
    }

    private final JsonRpcRuntime runtime;

    public HttpCalls(JsonRpcRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Answers one HTTP request.
     *
     * @param method        the HTTP method
     * @param contentType   the Content-Type header, or {@code null}
     * @param contentLength the declared length, or -1
     * @param body          the request body
     */
    public Answer handle(String method, String contentType, long contentLength, InputStream body) {
        if (!"POST".equals(method)) {
            return new Answer(405, null, "POST");
        }
        if (!isJson(contentType)) {
            return Answer.status(415);
        }
        int max = runtime.config().maxMessageSize();
        if (contentLength > max) {
            return Answer.status(413);
        }
        String frame;
        try {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                return Answer.status(413);
            }
            frame = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            frame = "\u0000";
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "reading an HTTP request body failed", e);
            return Answer.status(400);
        }
        try {
            String answer = runtime.engine().handle(frame, null).toCompletableFuture()
                    .get(runtime.config().httpTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return answer == null ? Answer.status(204) : new Answer(200, answer, null);
        } catch (TimeoutException e) {
            return Answer.status(504);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.status(503);
        } catch (ExecutionException e) {
            // the engine's stages never fail; this is a bug, and the client gets a bare 500
            LOG.log(Level.ERROR, "the engine failed on an HTTP request", e);
            return Answer.status(500);
        }
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
