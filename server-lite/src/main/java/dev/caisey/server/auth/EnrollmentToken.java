package dev.caisey.server.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An enrollment token as an administrator lists it: everything but the secret, which is shown once when it is made
 * ({@link NewEnrollmentToken}) and stored only as its SHA-256.
 *
 * @param id the token's id, for listing and revoking (not a secret)
 * @param organisationId the organisation endpoints enrolled with it join
 * @param createdAt when it was made
 * @param expiresAt when it stops working
 * @param maxUses how many endpoints may enroll with it
 * @param uses how many have
 * @param revokedAt when an administrator revoked it, or {@code null}
 */
public record EnrollmentToken(
        String id,
        String organisationId,
        Instant createdAt,
        Instant expiresAt,
        int maxUses,
        int uses,
        Instant revokedAt) {
    /** Requires every member but the revocation time. */
    public EnrollmentToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether an endpoint could enroll with it at {@code now}. */
    public boolean isUsable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && uses < maxUses;
    }
}
