package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Console session tokens: {@value Secrets#TOKEN_BYTES} random bytes each, of which the database keeps only the
 * SHA-256, so a copy of the database signs nobody in. A token works until {@link #TTL} after sign-in, until it is
 * revoked, or until its account is disabled or its password reset. Thread-safe.
 */
public final class SessionTokens {
    /** How long a sign-in lasts: one working day. */
    public static final Duration TTL = Duration.ofHours(12);

    /** The one answer to a token that is unknown, expired, revoked or belongs to a disabled account. */
    public static final String EXPIRED = "Your sign-in has expired; sign in again.";

    private final Database database;

    /** Tokens kept in the given database. */
    public SessionTokens(Database database) {
        this.database = database;
    }

    /** Issues a new token for {@code principal}, valid from {@code now} for {@link #TTL}. */
    public SessionToken issue(Principal principal, Instant now) {
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(TTL);
        AuthSql.transaction(database, "sign you in", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO session_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, Secrets.hash(token));
                s.setString(2, principal.userId());
                s.setLong(3, AuthSql.micros(now));
                s.setLong(4, AuthSql.micros(expiresAt));
                return s.executeUpdate();
            }
        });
        return new SessionToken(token, expiresAt, principal);
    }

    /**
     * Whom a presented token stands for.
     *
     * @throws ServerException with {@link ErrorCode#UNAUTHENTICATED} and {@link #EXPIRED} if it does not work (any
     *     reason: the answer does not say which)
     */
    public Principal authenticate(String token, Instant now) {
        return resume(token, now).principal();
    }

    /**
     * A console reconnecting with a token it was given: the token again, with its (unchanged) expiry and whom it
     * stands for, as a {@code login.ok} answer needs them.
     *
     * @throws ServerException with {@link ErrorCode#UNAUTHENTICATED} and {@link #EXPIRED} if it does not work
     */
    public SessionToken resume(String token, Instant now) {
        if (!Secrets.plausible(token)) {
            throw new ServerException(ErrorCode.UNAUTHENTICATED, EXPIRED);
        }
        SessionToken found = AuthSql.transaction(database, "check your sign-in", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT u.id, u.name, u.display_name, u.role, u.organisation_id, t.expires_at FROM session_tokens t"
                            + " JOIN users u ON u.id = t.user_id"
                            + " WHERE t.token_hash = ? AND t.expires_at > ? AND NOT u.disabled")) {
                s.setString(1, Secrets.hash(token));
                s.setLong(2, AuthSql.micros(now));
                try (ResultSet row = s.executeQuery()) {
                    return row.next()
                            ? new SessionToken(token, AuthSql.instant(row.getLong("expires_at")), principal(row))
                            : null;
                }
            }
        });
        if (found == null) {
            throw new ServerException(ErrorCode.UNAUTHENTICATED, EXPIRED);
        }
        return found;
    }

    /** Revokes one token (signs one console out); returns whether it existed. */
    public boolean revoke(String token) {
        if (!Secrets.plausible(token)) {
            return false;
        }
        return AuthSql.durably(database, "sign you out", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM session_tokens WHERE token_hash = ?")) {
                s.setString(1, Secrets.hash(token));
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Revokes every token of an account (signs it out everywhere); returns how many there were. */
    public int revokeAll(String userId) {
        return AuthSql.durably(database, "sign the account out", c -> revokeAll(c, userId));
    }

    /** Deletes tokens that expired before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        return AuthSql.transaction(database, "remove expired sign-ins", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM session_tokens WHERE expires_at <= ?")) {
                s.setLong(1, AuthSql.micros(now));
                return s.executeUpdate();
            }
        });
    }

    /** Revokes every token of an account inside the caller's transaction. */
    static int revokeAll(Connection c, String userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM session_tokens WHERE user_id = ?")) {
            s.setString(1, userId);
            return s.executeUpdate();
        }
    }

    private static Principal principal(ResultSet row) throws SQLException {
        return new Principal(
                row.getString("id"),
                row.getString("name"),
                row.getString("display_name"),
                AccountRole.ofWireName(row.getString("role")),
                row.getString("organisation_id"));
    }
}
