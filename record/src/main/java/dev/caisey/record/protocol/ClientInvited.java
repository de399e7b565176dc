package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code client.invited}: a short-lived code and link that let the client join one session from a browser.
 *
 * @param session the session
 * @param code the join code the client may type (secret; never shown by {@link #toString()})
 * @param url the join link, {@code …/join/<code>} (secret like the code)
 * @param expiresAt when code and link stop working, UTC microseconds
 */
public record ClientInvited(String session, String code, String url, long expiresAt) implements Message {
    /** Validates every member; the link must be an absolute http(s) URL. */
    public ClientInvited {
        Require.id(session, "session");
        Require.id(code, "code");
        Checks.url(url, "url");
        Require.nonNegative(expiresAt, "expiresAt");
    }

    /** Every member but the code and the link. */
    @Override
    public String toString() {
        return "ClientInvited[session=" + session + ", code=" + Checks.REDACTED + ", url=" + Checks.REDACTED
                + ", expiresAt=" + expiresAt + "]";
    }
}
