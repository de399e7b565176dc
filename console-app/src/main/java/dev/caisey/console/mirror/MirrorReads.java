package dev.caisey.console.mirror;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the mirror's records: sessions, their heads, events and checkpoints, whole exports, and the pinned keys. */
final class MirrorReads {
    private final MirrorDb db;

    MirrorReads(MirrorDb db) {
        this.db = db;
    }

    /** The checkpoint keys this mirror trusts (pinned by the first page it stored). */
    Map<String, PublicKey> keys() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        db.query("reading the server's keys", "SELECT key_id, public_key FROM keys", s -> {}, r -> {
            keys.put(r.getString(1), Signatures.publicKey(r.getString(2)));
            return null;
        });
        return keys;
    }

    /** How many events the mirror holds of each session, in one query. */
    Map<String, Long> lastSeqs() {
        Map<String, Long> held = new LinkedHashMap<>();
        db.query(
                "reading how far each session goes",
                "SELECT id, last_seq FROM sessions",
                s -> {},
                r -> held.put(r.getString(1), r.getLong(2)));
        return held;
    }

    /** The last stored event of a session, or empty. */
    Optional<ChainHead> head(String session) {
        List<ChainHead> heads = db.query(
                "reading a session's head",
                "SELECT last_seq, last_hash, last_at FROM sessions WHERE id = ?",
                s -> s.setString(1, session),
                r -> new ChainHead(session, r.getLong(1), r.getString(2), r.getLong(3)));
        return heads.stream().findFirst();
    }

    /** A page of a session's events after {@code afterSeq}, ascending. */
    List<RecordedEvent> events(String session, long afterSeq, int limit) {
        return db.query(
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
        return db.query(
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
        db.query(
                "reading the server's keys",
                "SELECT key_id, public_key FROM keys",
                s -> {},
                r -> keys.add(new KeyEntry(r.getString(1), KeyEntry.ED25519, r.getString(2))));
        return RecordExport.of(events, checkpoints(session), keys);
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
}
