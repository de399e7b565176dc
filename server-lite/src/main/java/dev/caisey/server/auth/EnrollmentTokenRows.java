package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code enrollment_tokens} table behind {@link Enrollment}: make, list, revoke, and take one use. */
final class EnrollmentTokenRows {
    /** A use just taken: which token, and the organisation it enrolls into. */
    record Use(String tokenId, String organisationId) {}

    private static final System.Logger LOG = System.getLogger(EnrollmentTokenRows.class.getName());

    private final Database database;

    EnrollmentTokenRows(Database database) {
        this.database = database;
    }

    NewEnrollmentToken create(String organisationId, Duration ttl, int maxUses, Instant now) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(Enrollment.MAX_TTL) > 0) {
            throw Inputs.invalid("An enrollment token must expire after more than 0 and at most "
                    + Enrollment.MAX_TTL.toDays() + " days; found " + ttl + ".");
        }
        if (maxUses < 1 || maxUses > Enrollment.MAX_USES_LIMIT) {
            throw Inputs.invalid("An enrollment token must allow 1 to " + Enrollment.MAX_USES_LIMIT
                    + " enrollments; found " + maxUses + ".");
        }
        String token = Secrets.newToken();
        EnrollmentToken info =
                new EnrollmentToken(Secrets.newId(), organisationId, now, now.plus(ttl), maxUses, 0, null);
        AuthSql.durably(database, "create the enrollment token", c -> {
            Organisations.require(c, organisationId);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO enrollment_tokens (id, token_hash,"
                    + " organisation_id, created_at, expires_at, max_uses) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, info.id());
                s.setString(2, Secrets.hash(token));
                s.setString(3, organisationId);
                s.setLong(4, AuthSql.micros(now));
                s.setLong(5, AuthSql.micros(info.expiresAt()));
                s.setInt(6, maxUses);
                return s.executeUpdate();
            }
        });
        LOG.log(
                Level.INFO,
                "created enrollment token {0} for organisation {1}: {2} uses until {3}",
                info.id(),
                organisationId,
                maxUses,
                info.expiresAt());
        return new NewEnrollmentToken(token, info);
    }

    List<EnrollmentToken> list() {
        return AuthSql.transaction(database, "list the enrollment tokens", c -> {
            List<EnrollmentToken> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, organisation_id, created_at, expires_at,"
                            + " max_uses, uses, revoked_at FROM enrollment_tokens ORDER BY created_at DESC, id");
                    ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    all.add(new EnrollmentToken(
                            row.getString("id"),
                            row.getString("organisation_id"),
                            AuthSql.instant(row.getLong("created_at")),
                            AuthSql.instant(row.getLong("expires_at")),
                            row.getInt("max_uses"),
                            row.getInt("uses"),
                            AuthSql.optionalInstant(row, "revoked_at")));
                }
            }
            return all;
        });
    }

    void revoke(String tokenId, Instant now) {
        AuthSql.durably(database, "revoke the enrollment token", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE enrollment_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
                s.setLong(1, AuthSql.micros(now));
                s.setString(2, tokenId);
                if (s.executeUpdate() == 0) {
                    throw new ServerException(ErrorCode.NOT_FOUND, "There is no enrollment token '" + tokenId + "'.");
                }
                return null;
            }
        });
        LOG.log(Level.INFO, "revoked enrollment token {0}", tokenId);
    }

    /**
     * Takes one use of the token with this hash inside the caller's transaction, if it works at {@code now}; the
     * update locks the row until the transaction ends, so parallel enrollments are counted one after the other.
     *
     * @return the use, or {@code null} if the token is unknown, expired, revoked or used up
     */
    Use takeUse(Connection c, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE enrollment_tokens SET uses = uses + 1 WHERE token_hash = ?"
                        + " AND revoked_at IS NULL AND expires_at > ? AND uses < max_uses")) {
            s.setString(1, tokenHash);
            s.setLong(2, AuthSql.micros(now));
            if (s.executeUpdate() == 0) {
                LOG.log(Level.INFO, "refused an enrollment: the token is unknown, expired, revoked or used up");
                return null;
            }
        }
        try (PreparedStatement s =
                c.prepareStatement("SELECT id, organisation_id FROM enrollment_tokens WHERE token_hash = ?")) {
            s.setString(1, tokenHash);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new Use(row.getString("id"), row.getString("organisation_id"));
            }
        }
    }
}
