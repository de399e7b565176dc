package dev.caisey.server.auth;

import java.util.Objects;

/**
 * An enrollment token just made: its text is shown to the administrator this once, to be passed to the agents'
 * installation; the server keeps only its SHA-256.
 *
 * @param token the secret text (never shown by {@link #toString()})
 * @param info what the server keeps about it
 */
public record NewEnrollmentToken(String token, EnrollmentToken info) {
    /** Requires both members. */
    public NewEnrollmentToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(info, "info");
    }

    /** The information without the token. */
    @Override
    public String toString() {
        return "NewEnrollmentToken[token=<redacted>, info=" + info + "]";
    }
}
