package io.jsonrpcws.cdi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Applies the {@link RequestGate} in a WAR to every request to the endpoint's path, WebSocket handshakes
 * included: {@link JsonRpcServletInitializer} maps it there ahead of the container's WebSocket filter. A refused
 * request is answered here; an admitted one goes on with the gate's CORS headers already on its response.
 */
public final class JsonRpcGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient volatile RequestGate gate;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestGate.Verdict verdict = gate().check(request.getMethod(), request.getScheme(), request::getHeader);
        verdict.headers().forEach(response::setHeader);
        if (verdict.proceed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(verdict.status());
        if (verdict.message() != null) {
            byte[] body = verdict.message().getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private RequestGate gate() {
        RequestGate g = gate;
        if (g == null) {
            // the container's own listener address says nothing of the names a proxy in front of it uses
            g = RequestGate.of(JsonRpcServlet.runtime(), false);
            gate = g;
        }
        return g;
    }
}
