package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The password check of a sign-in and its lockout bookkeeping. Every path costs one Argon2 hash, whether the account
 * exists, is locked or is disabled, so neither the answer nor its timing tells them apart. Failures are counted with
 * one atomic update each, so parallel guesses cannot slip past the limit.
 */
final class SignInLockout {
    private static final System.Logger LOG = System.getLogger(SignInLockout.class.getName());

    private final Database database;
    private final PasswordHasher hasher;
    private final String dummyHash;

    SignInLockout(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
        this.dummyHash = hasher.hash(Secrets.newToken());
    }

    /** The account if {@code password} is right and the account may sign in at {@code now}; else a refusal. */
    Account check(String user, String password, Instant now) {
        if (!UserNames.plausible(user) || password == null || password.length() > Limits.MAX_PASSWORD_CHARS) {
            throw refused();
        }
        Stored stored = AuthSql.transaction(database, "check the password", c -> load(c, UserNames.normalise(user)));
        if (stored == null) {
            hasher.verify(password, dummyHash);
            throw refused();
        }
        Account account = stored.account();
        boolean matches = hasher.verify(password, stored.passwordHash());
        if (account.disabled() || account.isLocked(now)) {
            throw refused();
        }
        if (!matches) {
            recordFailure(account, now);
            throw refused();
        }
        recordSuccess(account, password, stored.passwordHash());
        return account;
    }

    private void recordFailure(Account account, Instant now) {
        Instant until = now.plus(Accounts.LOCKOUT);
        boolean locked = AuthSql.transaction(database, "count the failed sign-in", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ?")) {
                s.setString(1, account.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET failed_attempts = 0, locked_until = ?"
                    + " WHERE id = ? AND failed_attempts >= ?")) {
                s.setLong(1, AuthSql.micros(until));
                s.setString(2, account.id());
                s.setInt(3, Accounts.MAX_FAILED_ATTEMPTS);
                return s.executeUpdate() > 0;
            }
        });
        if (locked) {
            LOG.log(
                    Level.WARNING,
                    "locked account {0} until {1} after {2} failed sign-ins",
                    account.user(),
                    until,
                    Accounts.MAX_FAILED_ATTEMPTS);
        }
    }

    private void recordSuccess(Account account, String password, String storedHash) {
        boolean rehash = hasher.needsRehash(storedHash);
        if (!rehash && account.failedAttempts() == 0 && account.lockedUntil() == null) {
            return;
        }
        String hash = rehash ? hasher.hash(password) : storedHash;
        AuthSql.transaction(database, "record the sign-in", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE users SET failed_attempts = 0, locked_until = NULL," + " password_hash = ? WHERE id = ?")) {
                s.setString(1, hash);
                s.setString(2, account.id());
                return s.executeUpdate();
            }
        });
    }

    private static Stored load(Connection c, String name) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + AccountRows.COLUMNS + ", password_hash FROM users WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? new Stored(AccountRows.account(row), row.getString("password_hash")) : null;
            }
        }
    }

    private static ServerException refused() {
        return new ServerException(ErrorCode.UNAUTHENTICATED, Accounts.REFUSED);
    }

    private record Stored(Account account, String passwordHash) {}
}
