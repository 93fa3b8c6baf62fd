package io.jsonrpcws.cdi;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host and an effective port, read from a {@code Host} header ({@code host[:port]}) or from an {@code Origin}
 * header ({@code scheme://host[:port]}) as browsers write them. Anything else, such as {@code null}, {@code file://},
 * a path or user information, is not an authority: parsing answers {@code null}.
 *
 * @param scheme {@code http} or {@code https}
 * @param host   the host in lower case, an IPv6 address in brackets
 * @param port   the port, the scheme's default when none is written
 */
record Authority(String scheme, String host, int port) {

    private static final String HOST = "(\\[[0-9a-f:.]+\\]|[a-z0-9._-]+)(?::([0-9]{1,5}))?";
    private static final Pattern HOST_HEADER = Pattern.compile(HOST);
    private static final Pattern ORIGIN = Pattern.compile("(https?)://" + HOST);

    /** The authority of an {@code Origin} header, or {@code null} when it names no http(s) origin. */
    static Authority ofOrigin(String origin) {
        if (origin == null) {
            return null;
        }
        Matcher m = ORIGIN.matcher(origin.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        return of(m.group(1), m.group(2), m.group(3));
    }

    /** The authority a {@code Host} header names on a request received over the scheme, or {@code null}. */
    static Authority ofHost(String host, String scheme) {
        if (host == null) {
            return null;
        }
        Matcher m = HOST_HEADER.matcher(host.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        return of(scheme.toLowerCase(Locale.ROOT), m.group(1), m.group(2));
    }

    private static Authority of(String scheme, String host, String port) {
        int p = port != null ? Integer.parseInt(port) : scheme.equals("https") ? 443 : 80;
        return p > 65_535 ? null : new Authority(scheme, host, p);
    }
}
