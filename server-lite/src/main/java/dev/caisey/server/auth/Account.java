package dev.caisey.server.auth;

import dev.caisey.record.protocol.AccountRole;
import java.time.Instant;
import java.util.Objects;

/**
 * A console user's account as an administrator lists it; never carries the password hash.
 *
 * @param id the account's id
 * @param user the user name it signs in with (lower case)
 * @param displayName the name people see
 * @param role what it may do
 * @param organisationId the one organisation it works for, or {@code null} for all
 * @param createdAt when it was created
 * @param disabled whether an administrator switched it off
 * @param failedAttempts failed sign-ins since the last success or lockout
 * @param lockedUntil until when sign-ins are refused after too many failures, or {@code null}
 */
public record Account(
        String id,
        String user,
        String displayName,
        AccountRole role,
        String organisationId,
        Instant createdAt,
        boolean disabled,
        int failedAttempts,
        Instant lockedUntil) {
    /** Requires every member but the organisation and the lockout. */
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether sign-ins are refused at {@code now} because of earlier failures. */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The identity a session token of this account stands for. */
    public Principal principal() {
        return new Principal(id, user, displayName, role, organisationId);
    }
}
