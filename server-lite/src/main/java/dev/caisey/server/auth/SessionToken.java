package dev.caisey.server.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A console sign-in the server just granted: the token text is handed to the console once and never stored (only
 * its SHA-256 is).
 *
 * @param token the bearer token (secret; never shown by {@link #toString()})
 * @param expiresAt when it stops working
 * @param principal whom it stands for
 */
public record SessionToken(String token, Instant expiresAt, Principal principal) {
    /** Requires every member. */
    public SessionToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(principal, "principal");
    }

    /** Every member but the token. */
    @Override
    public String toString() {
        return "SessionToken[token=<redacted>, expiresAt=" + expiresAt + ", principal=" + principal + "]";
    }
}
