package dev.caisey.server.store;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import dev.caisey.server.db.H2Durability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link EventStore} in the server's embedded H2 database (tables of {@code store.sql}). Each event is stored as
 * the JSON {@link EventCodec} writes, so it reads back equal to what was appended; each append is one transaction,
 * committed and then forced to disk by {@link H2Durability} before {@code append} returns.
 */
public final class H2EventStore implements EventStore {
    private final ConnectionSource connections;

    /** A store in the server's database, whose schema {@code Database.open} has created. */
    public H2EventStore(Database database) {
        this(database::connection);
    }

    H2EventStore(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public void append(List<RecordedEvent> events, List<Checkpoint> checkpoints) {
        List<RecordedEvent> batch = List.copyOf(events);
        List<Checkpoint> signed = List.copyOf(checkpoints);
        if (batch.isEmpty() && signed.isEmpty()) {
            return;
        }
        try (Connection c = connections.connection()) {
            c.setAutoCommit(false);
            try {
                BatchWriter.write(c, batch, signed);
                c.commit();
            } catch (SQLException e) {
                rollback(c, e);
                if (Conflicts.isUniqueViolation(e)) {
                    throw Conflicts.describe(c, batch, signed, e);
                }
                throw e;
            } catch (RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            H2Durability.sync(c);
        } catch (SQLException e) {
            throw new ServerException(ErrorCode.INTERNAL, "the events could not be stored; nothing was changed", e);
        }
    }

    @Override
    public Optional<ChainHead> head(String session) {
        Objects.requireNonNull(session, "session");
        return first(query(
                "SELECT seq, hash, at FROM event_heads WHERE session = ?",
                s -> s.setString(1, session),
                r -> new ChainHead(session, r.getLong(1), r.getString(2), r.getLong(3))));
    }

    @Override
    public List<RecordedEvent> events(String session, long afterSeq, int limit) {
        checkPage(session, afterSeq, limit);
        return query(
                "SELECT seq, body FROM events WHERE session = ? AND seq > ? ORDER BY session, seq LIMIT ?",
                s -> {
                    s.setString(1, session);
                    s.setLong(2, afterSeq);
                    s.setInt(3, Math.min(limit, MAX_PAGE_EVENTS));
                },
                r -> parse(session, r.getLong(1), r.getString(2)));
    }

    @Override
    public List<String> eventJson(String session, long afterSeq, int limit) {
        checkPage(session, afterSeq, limit);
        return query(
                "SELECT body FROM events WHERE session = ? AND seq > ? ORDER BY session, seq LIMIT ?",
                s -> {
                    s.setString(1, session);
                    s.setLong(2, afterSeq);
                    s.setInt(3, Math.min(limit, MAX_PAGE_EVENTS));
                },
                r -> r.getString(1));
    }

    private static void checkPage(String session, long afterSeq, int limit) {
        Objects.requireNonNull(session, "session");
        if (afterSeq < 0 || limit < 1) {
            throw new ServerException(
                    ErrorCode.INVALID, "a page needs afterSeq >= 0 and limit >= 1, not " + afterSeq + " and " + limit);
        }
    }

    @Override
    public List<Checkpoint> checkpoints(String session) {
        Objects.requireNonNull(session, "session");
        return query(
                "SELECT seq, hash, at, key_id, signature FROM checkpoints WHERE session = ? ORDER BY session, seq",
                s -> s.setString(1, session),
                r -> new Checkpoint(
                        session, r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5)));
    }

    @Override
    public Optional<RecordedEvent> findByEventId(String session, String eventId) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(eventId, "eventId");
        return first(query(
                "SELECT seq, body FROM events WHERE session = ? AND event_id = ?",
                s -> {
                    s.setString(1, session);
                    s.setString(2, eventId);
                },
                r -> parse(session, r.getLong(1), r.getString(2))));
    }

    @Override
    public List<String> sessions() {
        return query("SELECT session FROM event_heads ORDER BY session", s -> {}, r -> r.getString(1));
    }

    @Override
    public long count(String session) {
        Objects.requireNonNull(session, "session");
        return query("SELECT COUNT(*) FROM events WHERE session = ?", s -> s.setString(1, session), r -> r.getLong(1))
                .get(0);
    }

    private static RecordedEvent parse(String session, long seq, String body) {
        try {
            return EventCodec.fromJson(Json.parse(body), "stored event " + seq);
        } catch (RecordException e) {
            throw new ServerException(
                    ErrorCode.INTERNAL, "stored event " + seq + " of session " + session + " cannot be read", e);
        }
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (Connection c = connections.connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(reader.read(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ServerException(ErrorCode.INTERNAL, "the event store could not be read", e);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static void rollback(Connection c, Exception cause) throws SQLException {
        try {
            c.rollback();
        } catch (SQLException e) {
            e.addSuppressed(cause);
            throw e;
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }
}
