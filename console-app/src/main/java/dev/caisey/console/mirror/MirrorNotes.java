package dev.caisey.console.mirror;

import dev.caisey.record.export.KeyEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the mirror keeps beside the records: the server's pinned checkpoint keys, refusals, how far the search index
 * got, the signed reports fetched, and small named values (when the last sync finished).
 */
final class MirrorNotes {
    private final MirrorDb db;
    private final MirrorReads reads;

    MirrorNotes(MirrorDb db, MirrorReads reads) {
        this.db = db;
        this.reads = reads;
    }

    /** Pins {@code entries} as the server's keys if none is pinned yet; later keys are never added silently. */
    void pinIfFirst(List<KeyEntry> entries) {
        if (!reads.keys().isEmpty()) {
            return;
        }
        for (KeyEntry k : entries) {
            db.update("keeping the server's key", "MERGE INTO keys KEY(key_id) VALUES (?, ?)", s -> {
                s.setString(1, k.keyId());
                s.setString(2, k.publicKey());
            });
        }
    }

    /** Keeps a refusal (once per session, event and reason). */
    void refuse(Refusal refusal, long atMicros) {
        db.update("keeping a refusal", "MERGE INTO refusals KEY(session, seq, reason) VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, refusal.session());
            s.setLong(2, refusal.seq());
            s.setLong(3, atMicros);
            s.setString(4, refusal.reason());
        });
    }

    /** Every refusal, oldest first. */
    List<Refusal> refusals() {
        return db.query(
                "reading refusals",
                "SELECT session, seq, reason FROM refusals ORDER BY at, session, seq",
                s -> {},
                r -> new Refusal(r.getString(1), r.getLong(2), r.getString(3)));
    }

    /** Notes that the search index holds a session's events up to {@code seq}. */
    void indexed(String session, long seq) {
        db.update("noting what is indexed", "UPDATE sessions SET indexed_seq = ? WHERE id = ?", s -> {
            s.setLong(1, seq);
            s.setString(2, session);
        });
    }

    /** Forgets what the search index holds (it was rebuilt empty). */
    void unindexAll() {
        db.update("resetting the search index's progress", "UPDATE sessions SET indexed_seq = 0", s -> {});
    }

    /** Sessions whose events the search index does not hold all of, with how far it does. */
    Map<String, Long> behindIndex() {
        Map<String, Long> behind = new LinkedHashMap<>();
        db.query(
                "reading the search index's progress",
                "SELECT id, indexed_seq FROM sessions WHERE indexed_seq < last_seq ORDER BY id",
                s -> {},
                r -> behind.put(r.getString(1), r.getLong(2)));
        return behind;
    }

    /** The kept PDF report of a session, if it was made from every event the mirror holds of it. */
    Optional<byte[]> report(String session) {
        return db
                .query(
                        "reading a report",
                        "SELECT r.pdf FROM reports r JOIN sessions s ON s.id = r.session"
                                + " WHERE r.session = ? AND r.last_seq = s.last_seq",
                        s -> s.setString(1, session),
                        r -> r.getBytes(1))
                .stream()
                .findFirst();
    }

    /**
     * Closed sessions of at most {@code maxEvents} events without a report made from all their events, with how many
     * events each holds: one query, no PDF read.
     */
    Map<String, Long> closedWithoutReport(long maxEvents) {
        Map<String, Long> missing = new LinkedHashMap<>();
        db.query(
                "looking for reports to fetch",
                "SELECT s.id, s.last_seq FROM sessions s LEFT JOIN reports r ON r.session = s.id"
                        + " AND r.last_seq = s.last_seq WHERE s.closed_at IS NOT NULL AND s.last_seq <= ?"
                        + " AND r.session IS NULL ORDER BY s.id",
                s -> s.setLong(1, maxEvents),
                r -> missing.put(r.getString(1), r.getLong(2)));
        return missing;
    }

    /** Keeps (or replaces) a session's PDF report, made when the session had {@code lastSeq} events. */
    void keepReport(String session, long lastSeq, byte[] pdf) {
        db.update("keeping the report of " + session, "MERGE INTO reports KEY(session) VALUES (?, ?, ?)", s -> {
            s.setString(1, session);
            s.setLong(2, lastSeq);
            s.setBytes(3, pdf);
        });
    }

    /** A value kept in the mirror's {@code meta} table, if set. */
    Optional<String> meta(String name) {
        return db
                .query(
                        "reading " + name,
                        "SELECT val FROM meta WHERE name = ?",
                        s -> s.setString(1, name),
                        r -> r.getString(1))
                .stream()
                .findFirst();
    }

    /** Sets a value in the mirror's {@code meta} table. */
    void meta(String name, String value) {
        db.update("noting " + name, "MERGE INTO meta KEY(name) VALUES (?, ?)", s -> {
            s.setString(1, name);
            s.setString(2, value);
        });
    }
}
