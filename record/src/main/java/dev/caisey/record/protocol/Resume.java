package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code resume}: a reconnecting console signs in again with the token of its {@link LoginOk}; the server answers
 * with a fresh {@link LoginOk} or an {@code unauthenticated} error.
 *
 * @param token the session token (never shown by {@link #toString()})
 */
public record Resume(String token) implements Message {
    /** Validates every member. */
    public Resume {
        Require.text(token, "token", Limits.MAX_TOKEN_CHARS);
    }

    /** No members worth showing: the token is secret. */
    @Override
    public String toString() {
        return "Resume[token=" + Checks.REDACTED + "]";
    }
}
