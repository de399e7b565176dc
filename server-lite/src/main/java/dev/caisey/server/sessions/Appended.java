package dev.caisey.server.sessions;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;

/**
 * Events that are durable, with any checkpoint signed on them, and the session state after them: what subscribers
 * are sent and what the caller of an append gets back.
 *
 * @param events the events, in order
 * @param checkpoints checkpoints signed on some of them
 * @param state the session's state after the last of them
 */
public record Appended(List<RecordedEvent> events, List<Checkpoint> checkpoints, SessionState state) {
    /** Copies the lists. */
    public Appended {
        events = List.copyOf(events);
        checkpoints = List.copyOf(checkpoints);
    }
}
