package dev.caisey.console.mirror;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.json.Json;
import dev.caisey.record.sync.SyncPage;
import dev.caisey.report.phrasebook.Milestones;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes checked pages into the mirror: the events as they arrived, their checkpoints, and the session's row (its
 * facts from event 1, its milestones carried forward, its head). Pages enter only through {@link #store} after {@link
 * PageCheck} passed them, each page in one transaction, so the mirror always holds a verified prefix of each session's
 * chain and a sync can stop anywhere and resume.
 */
final class MirrorStore {
    private final MirrorDb db;

    MirrorStore(MirrorDb db) {
        this.db = db;
    }

    /** Stores a checked page (see {@link PageCheck}) in one transaction. */
    void store(SyncPage page) {
        if (page.events().isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                insertEvents(c, page);
                insertCheckpoints(c, page.checkpoints());
                updateSession(c, page);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw db.failed("storing events of " + page.session(), e);
        }
    }

    private static void insertEvents(Connection c, SyncPage page) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < page.events().size(); i++) {
                RecordedEvent e = page.events().get(i);
                s.setString(1, e.session());
                s.setLong(2, e.seq());
                s.setLong(3, e.at());
                s.setString(4, e.type().wireName());
                s.setString(5, e.actor().role().wireName());
                s.setString(6, Json.write(page.rawEvents().get(i)));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertCheckpoints(Connection c, List<Checkpoint> checkpoints) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO checkpoints VALUES (?, ?, ?)")) {
            for (Checkpoint k : checkpoints) {
                s.setString(1, k.session());
                s.setLong(2, k.seq());
                s.setString(3, Json.write(Json.tree(k)));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void updateSession(Connection c, SyncPage page) throws SQLException {
        RecordedEvent last = page.events().getLast();
        long signed =
                page.checkpoints().isEmpty() ? -1 : page.checkpoints().getLast().seq();
        Milestones.Collector collector;
        if (page.after() == 0) {
            RecordedEvent first = page.events().getFirst();
            SessionOpened opened = (SessionOpened) first.event();
            collector = new Milestones.Collector();
            page.events().forEach(collector::accept);
            Milestones m = collector.milestones();
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                s.setString(1, page.session());
                s.setString(2, opened.organisation().id());
                s.setString(3, opened.organisation().name());
                s.setString(4, opened.organisation().timeZone());
                s.setString(5, opened.endpoint().name());
                s.setString(6, first.actor().name());
                s.setString(7, opened.ticket());
                s.setString(8, Json.write(page.rawEvents().getFirst()));
                s.setString(9, Json.write(Json.tree(m)));
                s.setLong(10, last.seq());
                s.setString(11, last.hash());
                s.setLong(12, last.at());
                s.setLong(13, Math.max(0, signed));
                s.setLong(14, m.connectedAt());
                setLong(s, 15, m.closedAt());
                s.setString(16, m.outcome() == null ? null : m.outcome().wireName());
                s.executeUpdate();
            }
            return;
        }
        MirroredSession known = SessionRows.one(c, page.session());
        collector = Milestones.Collector.resume(known.milestones());
        page.events().forEach(collector::accept);
        Milestones m = collector.milestones();
        try (PreparedStatement s = c.prepareStatement("UPDATE sessions SET milestones = ?, last_seq = ?,"
                + " last_hash = ?, last_at = ?, signed_seq = GREATEST(signed_seq, ?), closed_at = ?, outcome = ?"
                + " WHERE id = ? AND last_seq = ?")) {
            s.setString(1, Json.write(Json.tree(m)));
            s.setLong(2, last.seq());
            s.setString(3, last.hash());
            s.setLong(4, last.at());
            s.setLong(5, signed);
            setLong(s, 6, m.closedAt());
            s.setString(7, m.outcome() == null ? null : m.outcome().wireName());
            s.setString(8, page.session());
            s.setLong(9, page.after());
            if (s.executeUpdate() != 1) {
                throw new SQLException("the session moved on while this page was stored");
            }
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
