package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client organisations an administrator manages: create, read, update, delete. An organisation that still has
 * endpoints, accounts or enrollment tokens cannot be deleted. Thread-safe.
 */
public final class Organisations {
    private static final String COLUMNS =
            "id, name, time_zone, sla_target_minutes, approval_policy, ticket_reference_required";

    private final Database database;

    /** Organisations kept in the given database. */
    public Organisations(Database database) {
        this.database = database;
    }

    /**
     * Adds an organisation.
     *
     * @throws ServerException with {@link ErrorCode#CONFLICT} if its id or name is taken
     */
    public Organisation create(Organisation organisation, Instant now) {
        return AuthSql.durably(database, "create the organisation", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO organisations (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bind(s, organisation);
                s.setLong(7, AuthSql.micros(now));
                s.executeUpdate();
            } catch (SQLException e) {
                if (AuthSql.isConstraintViolation(e)) {
                    throw new ServerException(
                            ErrorCode.CONFLICT,
                            "There is already an organisation with the id '" + organisation.id() + "' or the name '"
                                    + organisation.name() + "'.");
                }
                throw e;
            }
            return organisation;
        });
    }

    /** The organisation with this id, if there is one. */
    public Optional<Organisation> find(String id) {
        return AuthSql.transaction(database, "read the organisation", c -> find(c, id));
    }

    /**
     * The organisation with this id.
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} if there is none
     */
    public Organisation get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Every organisation, by name. */
    public List<Organisation> list() {
        return AuthSql.transaction(database, "list the organisations", c -> {
            List<Organisation> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM organisations ORDER BY name");
                    ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    all.add(organisation(row));
                }
            }
            return all;
        });
    }

    /**
     * Replaces an organisation's name and rules (its id stays).
     *
     * @throws ServerException {@code NOT_FOUND} if it does not exist, {@code CONFLICT} if the new name is taken
     */
    public Organisation update(Organisation organisation) {
        return AuthSql.durably(database, "change the organisation", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE organisations SET id = ?, name = ?, time_zone = ?,"
                    + " sla_target_minutes = ?, approval_policy = ?, ticket_reference_required = ? WHERE id = ?")) {
                bind(s, organisation);
                s.setString(7, organisation.id());
                if (s.executeUpdate() == 0) {
                    throw notFound(organisation.id());
                }
            } catch (SQLException e) {
                if (AuthSql.isConstraintViolation(e)) {
                    throw new ServerException(
                            ErrorCode.CONFLICT,
                            "There is already an organisation named '" + organisation.name() + "'.");
                }
                throw e;
            }
            return organisation;
        });
    }

    /**
     * Deletes an organisation that nothing refers to any more.
     *
     * @throws ServerException {@code NOT_FOUND} if it does not exist, {@code CONFLICT} if it still has endpoints,
     *     accounts or enrollment tokens
     */
    public void delete(String id) {
        AuthSql.durably(database, "delete the organisation", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM organisations WHERE id = ?")) {
                s.setString(1, id);
                if (s.executeUpdate() == 0) {
                    throw notFound(id);
                }
            } catch (SQLException e) {
                if (AuthSql.isConstraintViolation(e)) {
                    throw new ServerException(
                            ErrorCode.CONFLICT,
                            "The organisation '" + id + "' still has endpoints,"
                                    + " accounts or enrollment tokens; remove those first.");
                }
                throw e;
            }
            return null;
        });
    }

    /** The organisation inside the caller's transaction, or a {@code NOT_FOUND} refusal. */
    static Organisation require(Connection c, String id) throws SQLException {
        return find(c, id).orElseThrow(() -> notFound(id));
    }

    private static Optional<Organisation> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM organisations WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(organisation(row)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement s, Organisation o) throws SQLException {
        s.setString(1, o.id());
        s.setString(2, o.name());
        s.setString(3, o.timeZone().getId());
        s.setInt(4, o.slaTargetMinutes());
        s.setString(5, o.approvalPolicy().wireName());
        s.setBoolean(6, o.ticketReferenceRequired());
    }

    private static Organisation organisation(ResultSet row) throws SQLException {
        return new Organisation(
                row.getString("id"),
                row.getString("name"),
                Organisation.timeZone(row.getString("time_zone")),
                row.getInt("sla_target_minutes"),
                ApprovalPolicy.ofWireName(row.getString("approval_policy")),
                row.getBoolean("ticket_reference_required"));
    }

    private static ServerException notFound(String id) {
        return new ServerException(ErrorCode.NOT_FOUND, "There is no organisation '" + id + "'.");
    }
}
