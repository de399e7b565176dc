package dev.caisey.server.store;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.ServerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns a unique-key violation of a rolled-back append into a sentence: which event id or checkpoint was already
 * stored, or that another writer appended to the same session at the same moment.
 */
final class Conflicts {
    /** SQLSTATE of a unique or primary key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Conflicts() {}

    /** Whether the failure, or one chained to it, is a unique-key violation. */
    static boolean isUniqueViolation(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The refusal to report, found by looking up the batch's ids after the rollback. */
    static ServerException describe(
            Connection c, List<RecordedEvent> events, List<Checkpoint> checkpoints, SQLException cause)
            throws SQLException {
        for (RecordedEvent e : events) {
            Long stored =
                    storedSeq(c, "SELECT seq FROM events WHERE session = ? AND event_id = ?", e.session(), e.id());
            if (stored != null) {
                return new ServerException(
                        ErrorCode.CONFLICT,
                        "session " + e.session() + " already has an event with id " + e.id() + " (event " + stored
                                + "); look it up instead of appending it again",
                        cause);
            }
        }
        for (Checkpoint cp : checkpoints) {
            String seq = Long.toString(cp.seq());
            if (storedSeq(c, "SELECT seq FROM checkpoints WHERE session = ? AND seq = ?", cp.session(), seq) != null) {
                return new ServerException(
                        ErrorCode.CONFLICT,
                        "session " + cp.session() + " already has a checkpoint at event " + cp.seq(),
                        cause);
            }
        }
        return new ServerException(
                ErrorCode.CONFLICT,
                "another writer appended to the same session at the same time; nothing was stored",
                cause);
    }

    private static Long storedSeq(Connection c, String sql, String session, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, session);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }
}
