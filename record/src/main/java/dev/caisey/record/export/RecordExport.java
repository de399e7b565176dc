package dev.caisey.record.export;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Require;
import java.util.List;

/**
 * A session's record as one self-contained document ({@code *.caisey.json}, format {@value #FORMAT}): a summary, every
 * event in order, the signed checkpoints, and the public keys that made them.
 *
 * <p>This type checks shape only; {@code dev.caisey.record.verify.RecordVerifier} checks that the document is true.
 *
 * @param session the summary derived from the events
 * @param events every event, in order of {@code seq}
 * @param checkpoints the signed checkpoints, in order of {@code seq}
 * @param keys the public keys of the checkpoints
 */
public record RecordExport(
        SessionSummary session, List<RecordedEvent> events, List<Checkpoint> checkpoints, List<KeyEntry> keys) {

    /** The format name and version this code reads and writes. */
    public static final String FORMAT = "caisey-record/1";

    /** Validates presence and copies the lists. */
    public RecordExport {
        Require.present(session, "session");
        events = List.copyOf(Require.present(events, "events"));
        checkpoints = List.copyOf(Require.present(checkpoints, "checkpoints"));
        keys = List.copyOf(Require.present(keys, "keys"));
        if (events.isEmpty()) {
            throw Require.invalid("events must not be empty");
        }
    }

    /** An export of events and checkpoints, its summary derived from the events. */
    public static RecordExport of(List<RecordedEvent> events, List<Checkpoint> checkpoints, List<KeyEntry> keys) {
        return new RecordExport(SessionSummary.of(events), events, checkpoints, keys);
    }
}
