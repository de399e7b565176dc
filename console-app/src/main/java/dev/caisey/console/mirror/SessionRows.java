package dev.caisey.console.mirror;

import dev.caisey.record.json.Json;
import dev.caisey.report.phrasebook.Milestones;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link MirroredSession}s from the {@code sessions} table. */
final class SessionRows {
    private static final String COLUMNS = "id, organisation_id, organisation_name, endpoint_name, technician, ticket,"
            + " milestones, last_seq, signed_seq FROM sessions";

    private SessionRows() {}

    static MirroredSession one(Connection c, String session) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " WHERE id = ?")) {
            s.setString(1, session);
            List<MirroredSession> rows = read(s);
            if (rows.isEmpty()) {
                throw new SQLException("no session " + session + " in the mirror");
            }
            return rows.getFirst();
        }
    }

    static List<MirroredSession> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " ORDER BY connected_at DESC, id")) {
            return read(s);
        }
    }

    private static List<MirroredSession> read(PreparedStatement s) throws SQLException {
        List<MirroredSession> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new MirroredSession(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        Json.bind(Json.parse(r.getString(7)), Milestones.class, "milestones"),
                        r.getLong(8),
                        r.getLong(9)));
            }
        }
        return rows;
    }
}
