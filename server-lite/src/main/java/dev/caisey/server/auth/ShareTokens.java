package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * Share links: a bearer token that opens exactly one session's record, read-only, until it expires or is revoked.
 * Only the token's SHA-256 is stored; the token itself is shown once, to the person who made it.
 */
public final class ShareTokens {
    /** Longest a share link may live. */
    public static final Duration MAX_TTL = Duration.ofDays(90);

    /** The one refusal, whatever the reason (unknown, expired, revoked), so a link reveals nothing. */
    public static final String NOT_VALID = "This link is not valid any more; ask for a new one.";

    /** A new link's token (shown once) and its id (to revoke it). */
    public record NewShare(String id, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "NewShare[" + id + ", expires " + expiresAt + "]";
        }
    }

    private final Database database;

    /** Share tokens in {@code database}. */
    public ShareTokens(Database database) {
        this.database = database;
    }

    /** Makes a link to {@code session} for {@code ttl}, on behalf of {@code creator}. */
    public NewShare create(String session, Principal creator, Duration ttl, Instant now) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new ServerException(ErrorCode.INVALID, "A share link lives from one second to 90 days.");
        }
        String id = Secrets.newId();
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(ttl);
        AuthSql.durably(database, "create the share link", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO share_tokens "
                    + "(id, token_hash, session_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, Secrets.hash(token));
                s.setString(3, session);
                s.setString(4, creator.userId());
                s.setLong(5, AuthSql.micros(now));
                s.setLong(6, AuthSql.micros(expiresAt));
                s.executeUpdate();
            }
            return null;
        });
        return new NewShare(id, token, expiresAt);
    }

    /** A link that works: its id (safe to log and show) and the session it opens. */
    public record Shared(String id, String session) {}

    /**
     * The session a link opens.
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} and {@link #NOT_VALID} for any link that does not open
     *     one now
     */
    public String session(String token, Instant now) {
        return open(token, now).session();
    }

    /**
     * The link a token stands for, if it opens a session now.
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} and {@link #NOT_VALID} for any link that does not open
     *     one now
     */
    public Shared open(String token, Instant now) {
        if (!Secrets.plausible(token)) {
            throw new ServerException(ErrorCode.NOT_FOUND, NOT_VALID);
        }
        Shared shared = AuthSql.transaction(database, "read the share link", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, session_id FROM share_tokens "
                    + "WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?")) {
                s.setString(1, Secrets.hash(token));
                s.setLong(2, AuthSql.micros(now));
                try (ResultSet row = s.executeQuery()) {
                    return row.next() ? new Shared(row.getString(1), row.getString(2)) : null;
                }
            }
        });
        if (shared == null) {
            throw new ServerException(ErrorCode.NOT_FOUND, NOT_VALID);
        }
        return shared;
    }

    /**
     * Revokes a link by its id; only links of sessions {@code mayRevoke} accepts.
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} if there is no such link for the caller
     */
    public void revoke(String id, java.util.function.Predicate<String> mayRevoke, Instant now) {
        boolean done = AuthSql.durably(database, "revoke the share link", c -> {
            String session;
            try (PreparedStatement s = c.prepareStatement("SELECT session_id FROM share_tokens WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet row = s.executeQuery()) {
                    session = row.next() ? row.getString(1) : null;
                }
            }
            if (session == null || !mayRevoke.test(session)) {
                return false;
            }
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE share_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                s.setLong(1, AuthSql.micros(now));
                s.setString(2, id);
                s.executeUpdate();
            }
            return true;
        });
        if (!done) {
            throw new ServerException(ErrorCode.NOT_FOUND, "There is no such share link, or it is not one of yours.");
        }
    }
}
