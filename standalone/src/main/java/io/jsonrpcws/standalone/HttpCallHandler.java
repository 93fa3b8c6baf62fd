package io.jsonrpcws.standalone;

import io.jsonrpcws.cdi.HttpCalls;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.nio.charset.StandardCharsets;

/**
 * JSON-RPC over HTTP POST on the standalone runtime, at the endpoint's path; WebSocket upgrades to the
 * same path never reach it. Runs on Grizzly's worker threads. See {@link HttpCalls} for the status policy.
 */
final class HttpCallHandler extends HttpHandler {

    private final HttpCalls calls;

    HttpCallHandler(HttpCalls calls) {
        this.calls = calls;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        HttpCalls.Answer answer = calls.handle(request.getMethod().getMethodString(), request.getContentType(),
                request.getContentLengthLong(), request.getInputStream());
        response.setStatus(answer.status());
        if (answer.allow() != null) {
            response.setHeader("Allow", answer.allow());
        }
        if (answer.body() != null) {
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
