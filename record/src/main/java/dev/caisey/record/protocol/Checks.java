package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The checks of wire-message members that {@link Require} does not have; each says which member was wrong. */
final class Checks {
    /** What {@code toString()} shows in place of a secret. */
    static final String REDACTED = "[redacted]";

    private Checks() {}

    /**
     * Canonical base64 (standard alphabet, padded) that decodes to exactly {@code bytes} bytes; returns the decoded
     * bytes.
     */
    static byte[] base64(String value, String member, int bytes) {
        Require.present(value, member);
        byte[] decoded = Signatures.strictBase64(value);
        if (decoded == null) {
            throw Require.invalid(member + " must be canonical base64 (standard alphabet, padded); found '"
                    + Require.abbreviate(value) + "'");
        }
        if (decoded.length != bytes) {
            throw Require.invalid(member + " must encode exactly " + bytes + " bytes; found " + decoded.length);
        }
        return decoded;
    }

    /** A copy of a list that is present, has at most {@code maxSize} entries and no {@code null}s. */
    static <T> List<T> list(List<T> value, String member, int maxSize) {
        Require.present(value, member);
        if (value.size() > maxSize) {
            throw Require.invalid(member + " has " + value.size() + " entries; at most " + maxSize + " are allowed");
        }
        for (int i = 0; i < value.size(); i++) {
            Require.present(value.get(i), member + "[" + i + "]");
        }
        return List.copyOf(value);
    }

    /** An absolute {@code https} or {@code http} URL of at most {@link dev.caisey.record.Limits#MAX_URL_CHARS} characters. */
    static String url(String value, String member) {
        Require.text(value, member, Limits.MAX_URL_CHARS);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL that is not absolute http(s)
        }
        throw Require.invalid(
                member + " must be an absolute https or http URL; found '" + Require.abbreviate(value) + "'");
    }
}
