package io.jsonrpcws.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which names the {@code Host} header may give, against DNS rebinding: a page of {@code rebind.evil.example}, whose
 * name the attacker has pointed at 127.0.0.1, is same-origin with itself, so only the name tells it from a local
 * page. A server bound to a loopback address accepts the loopback names {@code localhost}, {@code 127.0.0.1} and
 * {@code [::1]} and those {@code jsonrpcws.allowed-hosts} adds; other servers check the header only when that key
 * is set. The port is not compared.
 */
final class HostPolicy {

    static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private final Predicate<String> allowed;
    private final boolean checked;

    HostPolicy(List<String> allowedHosts, boolean loopbackBound) {
        List<String> names = new ArrayList<>(allowedHosts);
        if (loopbackBound) {
            names.addAll(LOOPBACK_NAMES);
        }
        this.checked = !names.isEmpty();
        this.allowed = Wildcards.anyOf(names);
    }

    /** @param host the {@code Host} header, or {@code null} */
    boolean allows(String host) {
        if (!checked) {
            return true;
        }
        Authority authority = Authority.ofHost(host, "http");
        return authority != null && allowed.test(authority.host());
    }
}
