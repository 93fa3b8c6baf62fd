package io.jsonrpcws.cdi;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The one admission policy of the endpoint's path, for WebSocket handshakes and HTTP calls alike, applied before
 * either transport sees the request: by a servlet filter in WARs, by a Grizzly filter on the standalone runtime.
 * <ul>
 *   <li>A {@code Host} that {@link HostPolicy} does not allow: 403.</li>
 *   <li>An {@code Origin} that {@link OriginPolicy} refuses: 403.</li>
 *   <li>A CORS preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin:
 *       answered here, 204 with the {@code Access-Control-Allow-*} headers.</li>
 *   <li>A WebSocket handshake while {@code jsonrpcws.max-connections} are open: 503.</li>
 *   <li>Anything else goes on; answers to allowed cross-origin requests carry {@code Access-Control-Allow-Origin}.</li>
 * </ul>
 * Knows no transport: a request is its method, its scheme and its headers. Immutable and thread-safe.
 */
public final class RequestGate {

    private static final System.Logger LOG = System.getLogger(RequestGate.class.getName());

    /** How long browsers may cache a preflight's answer, in seconds. */
    static final String PREFLIGHT_MAX_AGE = "600";

    /**
     * What to do with a request.
     *
     * @param proceed whether the request goes on to its transport
     * @param status  when it does not, the status to answer with at once
     * @param message when it does not, a short text for the body, or {@code null} for none
     * @param headers headers for the answer, whether given here or later by the transport
     */
    public record Verdict(boolean proceed, int status, String message, Map<String, String> headers) {

        public Verdict {
            headers = Map.copyOf(headers);
        }

        static Verdict proceed(Map<String, String> headers) {
            return new Verdict(true, 0, null, headers);
        }

        static Verdict answer(int status, String message, Map<String, String> headers) {
            return new Verdict(false, status, message, headers);
        }
    }

    private static final Verdict PROCEED = Verdict.proceed(Map.of());

    private final HostPolicy hosts;
    private final OriginPolicy origins;
    private final BooleanSupplier full;
    private final boolean http;

    RequestGate(RuntimeConfig config, boolean loopbackBound, BooleanSupplier full) {
        this.hosts = new HostPolicy(config.allowedHosts(), loopbackBound);
        this.origins = new OriginPolicy(config.allowedOrigins());
        this.full = full;
        this.http = config.http();
    }

    /**
     * The gate of a runtime's endpoint.
     *
     * @param loopbackBound whether the server listens on a loopback address only, so that only loopback names may
     *                      appear in {@code Host} (the standalone runtime knows; a WAR's container does not)
     */
    public static RequestGate of(JsonRpcRuntime runtime, boolean loopbackBound) {
        return new RequestGate(runtime.config(), loopbackBound, runtime.connectionSlots()::full);
    }

    /** Whether a request with this {@code Host} header may be served at all, at any path. */
    public boolean allowsHost(String host) {
        return hosts.allows(host);
    }

    /**
     * Judges a request to the endpoint's path.
     *
     * @param method the HTTP method
     * @param scheme the scheme the request came over, {@code http} or {@code https}
     * @param header the request's header of a name (any case), {@code null} when absent
     */
    public Verdict check(String method, String scheme, UnaryOperator<String> header) {
        String host = header.apply("Host");
        if (!hosts.allows(host)) {
            LOG.log(Level.DEBUG, () -> "JRWS-0811 refused a request to an unknown host: " + host);
            return Verdict.answer(403, "unknown host", Map.of());
        }
        String origin = header.apply("Origin");
        OriginPolicy.Judgement judgement = origins.judge(origin, scheme, host);
        if (judgement == OriginPolicy.Judgement.REFUSED) {
            LOG.log(Level.DEBUG, () -> "JRWS-0812 refused a request from origin " + origin + " to host " + host);
            return Verdict.answer(403, "this origin may not call this endpoint", Map.of("Vary", "Origin"));
        }
        Map<String, String> cors = new LinkedHashMap<>();
        if (judgement != OriginPolicy.Judgement.NONE) {
            cors.put("Vary", "Origin");
        }
        if (judgement == OriginPolicy.Judgement.ALLOWED) {
            cors.put("Access-Control-Allow-Origin", origin.trim());
        }
        if (http && judgement != OriginPolicy.Judgement.NONE && "OPTIONS".equals(method)
                && header.apply("Access-Control-Request-Method") != null) {
            cors.put("Access-Control-Allow-Origin", origin.trim());
            cors.put("Access-Control-Allow-Methods", "POST");
            cors.put("Access-Control-Allow-Headers", "Content-Type, Authorization");
            cors.put("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
            return Verdict.answer(204, null, cors);
        }
        if ("GET".equals(method) && "websocket".equalsIgnoreCase(header.apply("Upgrade")) && full.getAsBoolean()) {
            LOG.log(Level.DEBUG, "JRWS-0813 refused a WebSocket handshake: jsonrpcws.max-connections are open");
            return Verdict.answer(503, "too many connections", Map.of());
        }
        return cors.isEmpty() ? PROCEED : Verdict.proceed(cors);
    }
}
