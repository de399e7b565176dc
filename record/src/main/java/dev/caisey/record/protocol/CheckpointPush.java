package dev.caisey.record.protocol;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.Require;

/**
 * {@code checkpoint}: the server signed a checkpoint of a session a subscriber follows.
 *
 * @param checkpoint the signed checkpoint
 */
public record CheckpointPush(Checkpoint checkpoint) implements Message {
    /** Validates every member. */
    public CheckpointPush {
        Require.present(checkpoint, "checkpoint");
    }
}
