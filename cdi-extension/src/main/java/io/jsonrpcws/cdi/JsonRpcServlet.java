package io.jsonrpcws.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON-RPC over HTTP POST in a WAR, registered by {@link JsonRpcServletInitializer}. See {@link HttpCalls}. */
public final class JsonRpcServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient volatile HttpCalls calls;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpCalls.Answer answer = calls().handle(request.getMethod(), request.getContentType(),
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

    private HttpCalls calls() {
        HttpCalls c = calls;
        if (c == null) {
            JsonRpcRuntime runtime = CDI.current().getBeanManager().getExtension(JsonRpcExtension.class).runtime();
            if (runtime == null) {
                throw new IllegalStateException("the jsonrpcws runtime did not start; see the deployment log");
            }
            c = new HttpCalls(runtime);
            calls = c;
        }
        return c;
    }
}
