package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enrolled endpoints: looking them up, listing them per organisation, noting when their agents were last seen (with
 * what they report about themselves), and revoking them. Enrolling is {@link Enrollment}'s job. Thread-safe.
 */
public final class Endpoints {
    /** The columns {@link #endpoint} reads. */
    static final String COLUMNS = "id, agent_id, organisation_id, public_key, key_id, hostname, os, agent_version,"
            + " enrolled_at, last_seen_at, revoked_at";

    private static final System.Logger LOG = System.getLogger(Endpoints.class.getName());

    private final Database database;

    /** Endpoints kept in the given database. */
    public Endpoints(Database database) {
        this.database = database;
    }

    /** The endpoint whose agent has this id, revoked or not. */
    public Optional<Endpoint> findByAgent(String agentId) {
        return one("agent_id", agentId);
    }

    /** The endpoint with this id, revoked or not. */
    public Optional<Endpoint> find(String endpointId) {
        return one("id", endpointId);
    }

    /** Every endpoint of an organisation (revoked ones too), by host name. */
    public List<Endpoint> listByOrganisation(String organisationId) {
        return many(" WHERE organisation_id = ?", organisationId);
    }

    /** Every endpoint, by organisation and host name. */
    public List<Endpoint> list() {
        return many("", null);
    }

    /**
     * Notes that an agent signed in at {@code now}, with what it reports about its endpoint now.
     *
     * @throws ServerException {@code INVALID} for over-long values, {@code NOT_FOUND} for an unknown agent
     */
    public void recordSeen(String agentId, String hostname, String os, String agentVersion, Instant now) {
        Inputs.text(hostname, "hostname", Limits.MAX_SHORT_TEXT_CHARS);
        Inputs.text(os, "os", Limits.MAX_SHORT_TEXT_CHARS);
        Inputs.text(agentVersion, "agentVersion", Limits.MAX_ID_CHARS);
        AuthSql.transaction(database, "record that the agent was seen", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE endpoints SET hostname = ?, os = ?, agent_version = ?,"
                            + " last_seen_at = ? WHERE agent_id = ?")) {
                s.setString(1, hostname);
                s.setString(2, os);
                s.setString(3, agentVersion);
                s.setLong(4, AuthSql.micros(now));
                s.setString(5, agentId);
                if (s.executeUpdate() == 0) {
                    throw new ServerException(ErrorCode.NOT_FOUND, "There is no agent '" + agentId + "'.");
                }
                return null;
            }
        });
    }

    /**
     * Revokes an endpoint's agent: it can no longer sign in (it must enroll again, with a new key).
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} if there is no such endpoint
     */
    public void revoke(String endpointId, Instant now) {
        AuthSql.durably(database, "revoke the endpoint", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE endpoints SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
                s.setLong(1, AuthSql.micros(now));
                s.setString(2, endpointId);
                if (s.executeUpdate() == 0) {
                    throw new ServerException(ErrorCode.NOT_FOUND, "There is no endpoint '" + endpointId + "'.");
                }
                return null;
            }
        });
        LOG.log(Level.INFO, "revoked endpoint {0}", endpointId);
    }

    /** Reads the {@link #COLUMNS} of one row. */
    static Endpoint endpoint(ResultSet row) throws SQLException {
        return new Endpoint(
                row.getString("id"),
                row.getString("agent_id"),
                row.getString("organisation_id"),
                row.getString("public_key"),
                row.getString("key_id"),
                row.getString("hostname"),
                row.getString("os"),
                row.getString("agent_version"),
                AuthSql.instant(row.getLong("enrolled_at")),
                AuthSql.optionalInstant(row, "last_seen_at"),
                AuthSql.optionalInstant(row, "revoked_at"));
    }

    private Optional<Endpoint> one(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        List<Endpoint> found = many(" WHERE " + column + " = ?", value);
        return found.stream().findFirst();
    }

    private List<Endpoint> many(String where, String parameter) {
        return AuthSql.transaction(database, "read the endpoints", c -> {
            List<Endpoint> endpoints = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM endpoints" + where + " ORDER BY organisation_id, hostname, id")) {
                if (parameter != null) {
                    s.setString(1, parameter);
                }
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        endpoints.add(endpoint(row));
                    }
                }
            }
            return endpoints;
        });
    }
}
