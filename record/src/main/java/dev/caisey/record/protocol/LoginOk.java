package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code login.ok}: the server signed a console in; the console sends the token in a {@link Resume} after it
 * reconnects.
 *
 * @param token the session token (secret; never shown by {@link #toString()})
 * @param expiresAt when the token stops working, UTC microseconds
 * @param user the account's user name
 * @param role what the account may do
 */
public record LoginOk(String token, long expiresAt, String user, AccountRole role) implements Message {
    /** Validates every member. */
    public LoginOk {
        Require.text(token, "token", Limits.MAX_TOKEN_CHARS);
        Require.nonNegative(expiresAt, "expiresAt");
        Require.text(user, "user", Limits.MAX_SHORT_TEXT_CHARS);
        Require.present(role, "role");
    }

    /** Every member but the token. */
    @Override
    public String toString() {
        return "LoginOk[token=" + Checks.REDACTED + ", expiresAt=" + expiresAt + ", user=" + user + ", role=" + role
                + "]";
    }
}
