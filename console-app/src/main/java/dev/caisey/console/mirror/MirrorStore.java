package dev.caisey.console.mirror;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import dev.caisey.record.sync.SyncPage;
import dev.caisey.report.phrasebook.Milestones;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mirror's rows: sessions with their milestones, events, checkpoints, the server's pinned checkpoint keys, and
 * refusals. Pages enter only through {@link #store} after {@link PageCheck} passed them, each page in one transaction,
 * so the mirror always holds a verified prefix of each session's chain and a sync can stop anywhere and resume.
 */
final class MirrorStore {
    private final MirrorDb db;

    MirrorStore(MirrorDb db) {
        this.db = db;
    }

    /** The checkpoint keys this mirror trusts (pinned by the first page it stored). */
    Map<String, PublicKey> keys() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        query("reading the server's keys", "SELECT key_id, public_key FROM keys", s -> {}, r -> {
            keys.put(r.getString(1), Signatures.publicKey(r.getString(2)));
            return null;
        });
        return keys;
    }

    /** Pins {@code entries} as the server's keys if none is pinned yet; later keys are never added silently. */
    void pinIfFirst(List<KeyEntry> entries) {
        if (!keys().isEmpty() || entries.isEmpty()) {
            return;
        }
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("MERGE INTO keys KEY(key_id) VALUES (?, ?)")) {
            for (KeyEntry k : entries) {
                s.setString(1, k.keyId());
                s.setString(2, k.publicKey());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw db.failed("keeping the server's key", e);
        }
    }

    /** The last stored event of a session, or empty. */
    Optional<ChainHead> head(String session) {
        List<ChainHead> heads = query(
                "reading a session's head",
                "SELECT last_seq, last_hash, last_at FROM sessions WHERE id = ?",
                s -> s.setString(1, session),
                r -> new ChainHead(session, r.getLong(1), r.getString(2), r.getLong(3)));
        return heads.stream().findFirst();
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

    /** Notes that the search index holds a session's events up to {@code seq}. */
    void indexed(String session, long seq) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("UPDATE sessions SET indexed_seq = ? WHERE id = ?")) {
            s.setLong(1, seq);
            s.setString(2, session);
            s.executeUpdate();
        } catch (SQLException e) {
            throw db.failed("noting what is indexed", e);
        }
    }

    /** Forgets what the search index holds (it was rebuilt empty). */
    void unindexAll() {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("UPDATE sessions SET indexed_seq = 0")) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw db.failed("resetting the search index's progress", e);
        }
    }

    /** Sessions whose events the search index does not hold all of, with how far it does. */
    Map<String, Long> behindIndex() {
        Map<String, Long> behind = new LinkedHashMap<>();
        query(
                "reading the search index's progress",
                "SELECT id, indexed_seq FROM sessions WHERE indexed_seq < last_seq ORDER BY id",
                s -> {},
                r -> behind.put(r.getString(1), r.getLong(2)));
        return behind;
    }

    /** A value kept in the mirror's {@code meta} table, if set. */
    Optional<String> meta(String name) {
        return query(
                        "reading " + name,
                        "SELECT val FROM meta WHERE name = ?",
                        s -> s.setString(1, name),
                        r -> r.getString(1))
                .stream()
                .findFirst();
    }

    /** Sets a value in the mirror's {@code meta} table. */
    void meta(String name, String value) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("MERGE INTO meta KEY(name) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        } catch (SQLException e) {
            throw db.failed("noting " + name, e);
        }
    }

    /** Keeps a refusal (once per session, event and reason). */
    void refuse(Refusal refusal, long atMicros) {
        try (Connection c = db.connection();
                PreparedStatement s =
                        c.prepareStatement("MERGE INTO refusals KEY(session, seq, reason) VALUES (?, ?, ?, ?)")) {
            s.setString(1, refusal.session());
            s.setLong(2, refusal.seq());
            s.setLong(3, atMicros);
            s.setString(4, refusal.reason());
            s.executeUpdate();
        } catch (SQLException e) {
            throw db.failed("keeping a refusal", e);
        }
    }

    /** Every refusal, oldest first. */
    List<Refusal> refusals() {
        return query(
                "reading refusals",
                "SELECT session, seq, reason FROM refusals ORDER BY at, session, seq",
                s -> {},
                r -> new Refusal(r.getString(1), r.getLong(2), r.getString(3)));
    }

    /** A page of a session's events after {@code afterSeq}, ascending. */
    List<RecordedEvent> events(String session, long afterSeq, int limit) {
        return query(
                "reading events of " + session,
                "SELECT seq, body FROM events WHERE session = ? AND seq > ? ORDER BY session, seq LIMIT ?",
                s -> {
                    s.setString(1, session);
                    s.setLong(2, afterSeq);
                    s.setInt(3, limit);
                },
                r -> EventCodec.fromJson(Json.parse(r.getString(2)), "event " + r.getLong(1)));
    }

    /** A session's checkpoints, ascending. */
    List<Checkpoint> checkpoints(String session) {
        return query(
                "reading checkpoints of " + session,
                "SELECT body FROM checkpoints WHERE session = ? ORDER BY session, seq",
                s -> s.setString(1, session),
                r -> Json.bind(Json.parse(r.getString(1)), Checkpoint.class, "checkpoint"));
    }

    /** A session's whole record as an export document. */
    RecordExport export(String session) {
        List<RecordedEvent> events = new ArrayList<>();
        while (true) {
            List<RecordedEvent> page =
                    events(session, events.isEmpty() ? 0 : events.getLast().seq(), 5_000);
            if (page.isEmpty()) {
                break;
            }
            events.addAll(page);
        }
        List<KeyEntry> keys = new ArrayList<>();
        query(
                "reading the server's keys",
                "SELECT key_id, public_key FROM keys",
                s -> {},
                r -> keys.add(new KeyEntry(r.getString(1), KeyEntry.ED25519, r.getString(2))));
        return RecordExport.of(events, checkpoints(session), keys);
    }

    /** The kept PDF report of a session, if any. */
    Optional<byte[]> report(String session) {
        return query(
                        "reading a report",
                        "SELECT pdf FROM reports WHERE session = ?",
                        s -> s.setString(1, session),
                        r -> r.getBytes(1))
                .stream()
                .findFirst();
    }

    /** Keeps (or replaces) a session's PDF report, made when the session had {@code lastSeq} events. */
    void keepReport(String session, long lastSeq, byte[] pdf) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("MERGE INTO reports KEY(session) VALUES (?, ?, ?)")) {
            s.setString(1, session);
            s.setLong(2, lastSeq);
            s.setBytes(3, pdf);
            s.executeUpdate();
        } catch (SQLException e) {
            throw db.failed("keeping the report of " + session, e);
        }
    }

    /** One mirrored session, if held. */
    Optional<MirroredSession> session(String id) {
        if (head(id).isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = db.connection()) {
            return Optional.of(SessionRows.one(c, id));
        } catch (SQLException e) {
            throw db.failed("reading session " + id, e);
        }
    }

    /** Every mirrored session, newest connection first. */
    List<MirroredSession> sessions() {
        try (Connection c = db.connection()) {
            return SessionRows.all(c);
        } catch (SQLException e) {
            throw db.failed("listing sessions", e);
        }
    }

    private <T> List<T> query(String doing, String sql, SqlBinder binder, SqlRow<T> row) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row.read(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw db.failed(doing, e);
        }
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface SqlBinder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface SqlRow<T> {
        T read(ResultSet r) throws SQLException;
    }
}
