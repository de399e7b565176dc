package dev.caisey.server.store;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one sequencer handed the {@link GroupCommitter}: its events and checkpoints and the future to complete once
 * they are durable.
 */
record Submission(List<RecordedEvent> events, List<Checkpoint> checkpoints, CompletableFuture<Void> done) {
    /** How many items it adds to a batch. */
    int size() {
        return events.size() + checkpoints.size();
    }

    /** The session it belongs to, for log lines ("?" for an empty submission). */
    String session() {
        if (!events.isEmpty()) {
            return events.get(0).session();
        }
        return checkpoints.isEmpty() ? "?" : checkpoints.get(0).session();
    }

    /** The events of several submissions, in submission order. */
    static List<RecordedEvent> events(List<Submission> batch) {
        List<RecordedEvent> all = new ArrayList<>();
        batch.forEach(s -> all.addAll(s.events()));
        return all;
    }

    /** The checkpoints of several submissions, in submission order. */
    static List<Checkpoint> checkpoints(List<Submission> batch) {
        List<Checkpoint> all = new ArrayList<>();
        batch.forEach(s -> all.addAll(s.checkpoints()));
        return all;
    }
}
