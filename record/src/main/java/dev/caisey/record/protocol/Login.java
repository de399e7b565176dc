package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code login}: a console signs in with a user name and password; the server answers with {@link LoginOk} or an
 * {@code unauthenticated} error.
 *
 * @param user the account's user name
 * @param password the account's password (never shown by {@link #toString()})
 */
public record Login(String user, String password) implements Message {
    /** Validates every member. */
    public Login {
        Require.text(user, "user", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(password, "password", Limits.MAX_PASSWORD_CHARS);
    }

    /** The user, without the password. */
    @Override
    public String toString() {
        return "Login[user=" + user + ", password=" + Checks.REDACTED + "]";
    }
}
