package dev.caisey.server.ws;

import dev.caisey.server.clients.ClientPasses;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a connection's upgrade request carried that matters to the client page: the client pass from its cookie, and
 * whether the request came from a page of this server. A pass is only honoured from our own origin, so another site
 * cannot open a WebSocket with a visitor's cookie (the cookie's {@code SameSite=Strict} already stops most browsers).
 *
 * @param pass the pass cookie's value, or {@code null}
 * @param sameOrigin whether the {@code Origin} header names the host the request was sent to (or is absent, as from
 *     programs that are not browsers)
 */
record Handshake(String pass, boolean sameOrigin) {
    /** No handshake details (not a browser). */
    static final Handshake NONE = new Handshake(null, true);

    /** The details of an upgrade request's headers. */
    static Handshake of(Map<String, List<String>> headers) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        String pass = null;
        for (String cookie : h.getOrDefault("cookie", List.of())) {
            String found = ClientPasses.fromCookieHeader(cookie);
            if (found != null) {
                pass = found;
            }
        }
        String origin = first(h.get("origin"));
        String host = first(h.get("host"));
        boolean same = origin == null || (host != null && host.equalsIgnoreCase(authority(origin)));
        return new Handshake(pass, same);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "Handshake[pass=" + (pass == null ? "none" : "(secret)") + ", sameOrigin=" + sameOrigin + "]";
    }
}
