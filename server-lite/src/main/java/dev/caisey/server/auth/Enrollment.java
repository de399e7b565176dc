package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.lang.System.Logger.Level;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Enrollment tokens and the enrollment of new agents with them.
 *
 * <p>A token belongs to one organisation, expires, can be revoked, and allows {@code maxUses} enrollments: 1 by
 * default (one token per machine), more for an MSP rolling the agent out to many machines of a client at once with
 * one installer command. Each enrollment takes one use atomically, so parallel enrollments never exceed the limit.
 * Every refused token gets the same words ({@link #NOT_VALID}), whatever the reason. Thread-safe.
 */
public final class Enrollment {
    /** Enrollments a token allows unless told otherwise. */
    public static final int DEFAULT_MAX_USES = 1;

    /** Most enrollments one token may allow. */
    public static final int MAX_USES_LIMIT = 10_000;

    /** Longest life of an enrollment token: 30 days. */
    public static final Duration MAX_TTL = Duration.ofDays(30);

    /** The one answer to an unknown, expired, revoked or used-up token. */
    public static final String NOT_VALID = "This enrollment token is not valid; ask your administrator for a new one.";

    private static final System.Logger LOG = System.getLogger(Enrollment.class.getName());

    private final Database database;
    private final EnrollmentTokenRows tokens;

    /** Enrollment kept in the given database. */
    public Enrollment(Database database) {
        this.database = database;
        this.tokens = new EnrollmentTokenRows(database);
    }

    /** A single-use token for {@code organisationId}, valid from {@code now} for {@code ttl}. */
    public NewEnrollmentToken createEnrollmentToken(String organisationId, Duration ttl, Instant now) {
        return createEnrollmentToken(organisationId, ttl, DEFAULT_MAX_USES, now);
    }

    /**
     * A token that allows {@code maxUses} enrollments into {@code organisationId} until {@code now + ttl}.
     *
     * @throws ServerException {@code INVALID} for a ttl or use count out of range, {@code NOT_FOUND} for an unknown
     *     organisation
     */
    public NewEnrollmentToken createEnrollmentToken(String organisationId, Duration ttl, int maxUses, Instant now) {
        return tokens.create(organisationId, ttl, maxUses, now);
    }

    /** Every enrollment token (without its secret), newest first. */
    public List<EnrollmentToken> listTokens() {
        return tokens.list();
    }

    /**
     * Revokes a token by its id; endpoints already enrolled with it stay.
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} if there is no such token
     */
    public void revokeToken(String tokenId, Instant now) {
        tokens.revoke(tokenId, now);
    }

    /** Enrolls the agent that sent {@code message}; see {@link #enroll(String, String, String, String, String, Instant)}. */
    public Endpoint enroll(AgentEnroll message, Instant now) {
        return enroll(
                message.token(), message.publicKey(), message.hostname(), message.os(), message.agentVersion(), now);
    }

    /**
     * Registers a new endpoint and its agent's Ed25519 public key, taking one use of the token.
     *
     * @throws ServerException {@code UNAUTHENTICATED} with {@link #NOT_VALID} for a token that does not work, {@code
     *     INVALID} for a key that is not Ed25519 or over-long values, {@code CONFLICT} if the key is enrolled already
     */
    public Endpoint enroll(
            String token, String publicKeyBase64, String hostname, String os, String agentVersion, Instant now) {
        Inputs.text(publicKeyBase64, "publicKey", Limits.MAX_PUBLIC_KEY_CHARS);
        PublicKey key = Inputs.checked(() -> Signatures.publicKey(publicKeyBase64));
        Inputs.text(hostname, "hostname", Limits.MAX_SHORT_TEXT_CHARS);
        Inputs.text(os, "os", Limits.MAX_SHORT_TEXT_CHARS);
        Inputs.text(agentVersion, "agentVersion", Limits.MAX_ID_CHARS);
        if (!Secrets.plausible(token)) {
            throw new ServerException(ErrorCode.UNAUTHENTICATED, NOT_VALID);
        }
        Endpoint endpoint = AuthSql.durably(database, "enroll the agent", c -> {
            EnrollmentTokenRows.Use used = tokens.takeUse(c, Secrets.hash(token), now);
            if (used == null) {
                throw new ServerException(ErrorCode.UNAUTHENTICATED, NOT_VALID);
            }
            String keyId = Signatures.keyId(key);
            requireNewKey(c, keyId);
            Endpoint enrolled = new Endpoint(
                    Secrets.newId(),
                    Secrets.newId(),
                    used.organisationId(),
                    Signatures.encode(key),
                    keyId,
                    hostname,
                    os,
                    agentVersion,
                    now,
                    null,
                    null);
            insert(c, enrolled, used.tokenId());
            return enrolled;
        });
        LOG.log(
                Level.INFO,
                "enrolled endpoint {0} ({1}) into organisation {2}",
                endpoint.id(),
                endpoint.hostname(),
                endpoint.organisationId());
        return endpoint;
    }

    private static void requireNewKey(Connection c, String keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM endpoints WHERE key_id = ?")) {
            s.setString(1, keyId);
            try (ResultSet row = s.executeQuery()) {
                if (row.next()) {
                    throw new ServerException(
                            ErrorCode.CONFLICT,
                            "This agent's key is enrolled already; start the"
                                    + " agent without a token, or let it make a new key to enroll again.");
                }
            }
        }
    }

    private static void insert(Connection c, Endpoint e, String tokenId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO endpoints (id, agent_id, organisation_id,"
                + " public_key, key_id, hostname, os, agent_version, enrolled_at, enrollment_token_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.id());
            s.setString(2, e.agentId());
            s.setString(3, e.organisationId());
            s.setString(4, e.publicKey());
            s.setString(5, e.keyId());
            s.setString(6, e.hostname());
            s.setString(7, e.os());
            s.setString(8, e.agentVersion());
            s.setLong(9, AuthSql.micros(e.enrolledAt()));
            s.setString(10, tokenId);
            s.executeUpdate();
        }
    }
}
