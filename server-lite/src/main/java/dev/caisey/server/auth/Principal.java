package dev.caisey.server.auth;

import dev.caisey.record.protocol.AccountRole;
import java.util.Objects;

/**
 * Who a console connection acts for, once its session token checked out: what the role and organisation checks of
 * every request are made against.
 *
 * @param userId the account's id
 * @param user the account's user name, as it signs in
 * @param displayName the name people see ("Dana Reyes")
 * @param role what the account may do
 * @param organisationId the one organisation the account works for, or {@code null} for all of them
 */
public record Principal(String userId, String user, String displayName, AccountRole role, String organisationId) {
    /** Requires every member but the organisation. */
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }

    /** Whether the account may see the given organisation's endpoints and sessions. */
    public boolean mayAccess(String organisationId) {
        return this.organisationId == null || this.organisationId.equals(organisationId);
    }
}
