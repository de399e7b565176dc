package dev.caisey.server.sessions;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;

/**
 * Receives a session's durable events in order, without gaps or repeats. Called on the committer's thread or the
 * subscriber's: implementations only queue what they get (for example into a connection's outbound queue) and never
 * block.
 */
@FunctionalInterface
public interface SessionListener {
    /** The next events (never empty) and any checkpoints signed on them. */
    void deliver(List<RecordedEvent> events, List<Checkpoint> checkpoints);
}
