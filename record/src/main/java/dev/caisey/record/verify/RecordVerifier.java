package dev.caisey.record.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.export.SessionSummary;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an export is a true record: well-formed, complete ({@code seq} 1..N without gaps), unchanged (every
 * hash and every link), and signed (checkpoints that verify with the keys it carries, optionally only trusted ones).
 * Stops at the first problem and says where it is.
 *
 * <p>This is the reference implementation of {@code docs/RECORD.md}; the {@code python3} + {@code openssl} recipe
 * there performs the same checks.
 */
public final class RecordVerifier {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final long maxBytes;
    private final Set<String> trustedKeyIds;

    private RecordVerifier(long maxBytes, Set<String> trustedKeyIds) {
        this.maxBytes = maxBytes;
        this.trustedKeyIds = Set.copyOf(trustedKeyIds);
    }

    /** A verifier that accepts any key the export carries and reads files up to the default size. */
    public static RecordVerifier create() {
        return new RecordVerifier(Limits.DEFAULT_MAX_EXPORT_BYTES, Set.of());
    }

    /** A copy that reads files up to {@code maxBytes}. */
    public RecordVerifier withMaxBytes(long maxBytes) {
        return new RecordVerifier(maxBytes, trustedKeyIds);
    }

    /** A copy that accepts only checkpoints signed by one of these key ids (lower-case hex). */
    public RecordVerifier trusting(Set<String> keyIds) {
        return new RecordVerifier(maxBytes, keyIds);
    }

    /** Verifies an export file. */
    public Verification verify(Path file) {
        try {
            return verify(ExportCodec.readTree(file, maxBytes));
        } catch (RecordException e) {
            return new Verification.Refused(e.code(), e.getMessage());
        }
    }

    /** Verifies an export given as bytes. */
    public Verification verify(byte[] document) {
        try {
            return verify(ExportCodec.readTree(document, maxBytes));
        } catch (RecordException e) {
            return new Verification.Refused(e.code(), e.getMessage());
        }
    }

    /** Verifies an export given as a JSON tree. */
    public Verification verify(JsonNode root) {
        try {
            RecordExport export = ExportCodec.fromTree(root);
            Map<String, PublicKey> keys = keys(export.keys());
            checkEvents(export.events(), root.get("events"));
            Checkpoint last = checkCheckpoints(export, keys);
            checkSummary(export);
            return new Verification.Verified(export, last, summary(export, last));
        } catch (RecordException e) {
            return new Verification.Refused(e.code(), e.getMessage());
        }
    }

    private static Map<String, PublicKey> keys(List<KeyEntry> entries) {
        Map<String, PublicKey> keys = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            KeyEntry entry = entries.get(i);
            PublicKey key;
            try {
                key = Signatures.publicKey(entry.publicKey());
            } catch (RecordException e) {
                throw new RecordException(e.code(), "keys[" + i + "]: " + e.getMessage(), e);
            }
            String computed = Signatures.keyId(key);
            if (!computed.equals(entry.keyId())) {
                throw new RecordException(
                        ErrorCode.SIGNATURE_INVALID,
                        "keys[" + i + "]: keyId " + entry.keyId() + " is not the SHA-256 of its public key (" + computed
                                + ")");
            }
            if (keys.put(computed, key) != null) {
                throw new RecordException(
                        ErrorCode.INVALID, "keys[" + i + "]: the key " + computed + " is listed twice");
            }
        }
        return keys;
    }

    private static void checkEvents(List<RecordedEvent> events, JsonNode rawEvents) {
        String session = events.getFirst().session();
        String prev = RecordedEvent.GENESIS;
        long prevAt = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            String name = "event " + e.seq() + " (" + e.type().wireName() + ")";
            if (e.seq() != i + 1) {
                throw broken("the event at position " + (i + 1) + " has seq " + e.seq() + "; expected " + (i + 1)
                        + " (an event is missing, duplicated or out of order)");
            }
            if (!e.session().equals(session)) {
                throw broken(name + " belongs to session " + e.session() + ", not " + session);
            }
            String computed = ChainHead.hashOf(rawEvents.get(i));
            if (!computed.equals(e.hash())) {
                throw broken(name + ": its hash does not match its contents (it was changed after it was recorded)");
            }
            if (!e.prev().equals(prev)) {
                throw broken(name + ": prev does not match the hash of "
                        + (i == 0 ? "nothing (event 1 must have 64 zeros)" : "event " + i)
                        + "; the chain is broken");
            }
            if (e.at() < prevAt) {
                throw broken(name + " is dated " + utc(e.at()) + ", before event " + i + " (" + utc(prevAt) + ")");
            }
            if ((i == 0) != (e.event() instanceof SessionOpened)) {
                throw broken(
                        i == 0
                                ? "event 1 must be session.opened; found "
                                        + e.type().wireName()
                                : name + ": session.opened may only be event 1");
            }
            if (e.event() instanceof SessionClosed && i != events.size() - 1) {
                throw broken(name + ": events follow session.closed");
            }
            if (!e.type().roles().contains(e.actor().role())) {
                throw new RecordException(
                        ErrorCode.INVALID,
                        name + " is attributed to a " + e.actor().role().wireName() + ", who cannot cause it");
            }
            if (!ids.add(e.id())) {
                throw broken(name + " repeats the id " + e.id() + " of an earlier event");
            }
            prev = e.hash();
            prevAt = e.at();
        }
    }

    private Checkpoint checkCheckpoints(RecordExport export, Map<String, PublicKey> keys) {
        List<RecordedEvent> events = export.events();
        List<Checkpoint> checkpoints = export.checkpoints();
        if (checkpoints.isEmpty()) {
            throw new RecordException(ErrorCode.SIGNATURE_INVALID, "the record has no checkpoint: nothing signs it");
        }
        long previousSeq = 0;
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint c = checkpoints.get(i);
            String name = "checkpoint " + (i + 1) + " (on event " + c.seq() + ")";
            if (!c.session().equals(export.session().id())) {
                throw signature(name + " is for session " + c.session() + ", not "
                        + export.session().id());
            }
            if (c.seq() > events.size()) {
                throw signature(name + " covers event " + c.seq() + " but the record has " + events.size() + " events");
            }
            if (c.seq() <= previousSeq) {
                throw signature(name + " is out of order: checkpoints are listed by increasing seq");
            }
            RecordedEvent covered = events.get((int) c.seq() - 1);
            if (!c.hash().equals(covered.hash())) {
                throw signature(name + ": its hash is not the hash of event " + c.seq());
            }
            if (c.at() < covered.at()) {
                throw signature(name + " is dated before the event it covers");
            }
            PublicKey key = keys.get(c.keyId());
            if (key == null) {
                throw signature(name + " names key " + c.keyId() + ", which the record does not carry");
            }
            if (!Signatures.verify(c, key)) {
                throw signature(name + ": the signature does not verify with key " + c.keyId());
            }
            if (!trustedKeyIds.isEmpty() && !trustedKeyIds.contains(c.keyId())) {
                throw signature(name + " is signed by key " + c.keyId() + ", which is not one you trust");
            }
            previousSeq = c.seq();
        }
        Checkpoint last = checkpoints.getLast();
        if (events.getLast().event() instanceof SessionClosed && last.seq() != events.size()) {
            throw signature("the session is closed but no checkpoint covers its last event (" + events.size() + ")");
        }
        return last;
    }

    private static void checkSummary(RecordExport export) {
        SessionSummary derived = SessionSummary.of(export.events());
        if (!derived.equals(export.session())) {
            throw new RecordException(
                    ErrorCode.INVALID, "the 'session' summary does not match the events; the events say " + derived);
        }
    }

    private static String summary(RecordExport export, Checkpoint last) {
        List<RecordedEvent> events = export.events();
        long first = events.getFirst().at();
        long end = events.getLast().at();
        boolean sameDay = utc(first).substring(0, 10).equals(utc(end).substring(0, 10));
        String span = utc(first) + " to "
                + (sameDay ? TIME.format(Micros.toInstant(end).atOffset(ZoneOffset.UTC)) : utc(end));
        StringBuilder text = new StringBuilder()
                .append(events.size())
                .append(events.size() == 1 ? " event, " : " events, ")
                .append(span)
                .append(" UTC, chain intact, signed by key ")
                .append(last.keyId(), 0, 12)
                .append("…, last checkpoint covers event ")
                .append(last.seq());
        if (last.seq() < events.size()) {
            text.append(" (events ").append(last.seq() + 1).append("–").append(events.size());
            text.append(" are chained but not yet signed)");
        }
        SessionSummary s = export.session();
        text.append(". Session ")
                .append(s.id())
                .append(" on ")
                .append(s.endpoint())
                .append(" for ");
        text.append(s.organisation()).append(" by ").append(s.technician());
        text.append(s.outcome() == null ? ", still open." : ", closed: " + s.outcome() + ".");
        return text.toString();
    }

    private static String utc(long micros) {
        return DAY_TIME.format(Micros.toInstant(micros).atOffset(ZoneOffset.UTC));
    }

    private static RecordException broken(String message) {
        return new RecordException(ErrorCode.CHAIN_BROKEN, message);
    }

    private static RecordException signature(String message) {
        return new RecordException(ErrorCode.SIGNATURE_INVALID, message);
    }
}
