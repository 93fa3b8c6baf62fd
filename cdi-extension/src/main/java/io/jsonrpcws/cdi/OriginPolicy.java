package io.jsonrpcws.cdi;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which web pages may call the endpoint, judged from a request's {@code Origin} header. A request without one comes
 * from no browser page (curl, a service, the Java client) and is let through: browsers always send it on WebSocket
 * handshakes and cross-origin POSTs. A page of the endpoint's own origin (scheme, host and port those of the
 * request) may call it; other origins only if {@code jsonrpcws.allowed-origins} lists them. {@code null} (pages from
 * files, sandboxed frames) and origins that are not http(s) are refused unless listed literally.
 */
final class OriginPolicy {

    /** What a request's origin is to the endpoint. */
    enum Judgement {
        /** No {@code Origin} header: not a browser page. */
        NONE,
        /** The endpoint's own origin. */
        SAME,
        /** Another origin that the allowlist names: answers carry CORS headers. */
        ALLOWED,
        /** Another origin. */
        REFUSED
    }

    private final Predicate<String> allowed;

    OriginPolicy(List<String> allowedOrigins) {
        this.allowed = Wildcards.anyOf(allowedOrigins);
    }

    /**
     * @param origin the {@code Origin} header, or {@code null}
     * @param scheme the scheme the request came over, {@code http} or {@code https}
     * @param host   the {@code Host} header, or {@code null}
     */
    Judgement judge(String origin, String scheme, String host) {
        if (origin == null) {
            return Judgement.NONE;
        }
        Authority from = Authority.ofOrigin(origin);
        if (from != null && from.equals(Authority.ofHost(host, scheme))) {
            return Judgement.SAME;
        }
        return allowed.test(origin.trim()) ? Judgement.ALLOWED : Judgement.REFUSED;
    }
}
