package dev.caisey.console.workspace;

import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.record.event.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Events waiting to be handed from the connection's thread to the UI thread. However many arrive before the UI thread
 * takes them, one hand-over is scheduled and it takes them all with the newest snapshot, so a command printing
 * megabytes costs a few hand-overs, not one per chunk.
 */
final class EventInbox {
    /** What one hand-over takes: the newest snapshot and every event since the last hand-over, in order. */
    record Batch(SessionSnapshot snapshot, List<RecordedEvent> events) {}

    private List<RecordedEvent> events = new ArrayList<>();
    private SessionSnapshot snapshot;
    private boolean scheduled;

    /** Adds events (any thread); returns whether the caller must schedule a hand-over. */
    synchronized boolean offer(SessionSnapshot now, List<RecordedEvent> added) {
        events.addAll(added);
        snapshot = now;
        if (scheduled) {
            return false;
        }
        scheduled = true;
        return true;
    }

    /** Takes everything waiting (the UI thread, in the scheduled hand-over). */
    synchronized Batch take() {
        Batch batch = new Batch(snapshot, events);
        events = new ArrayList<>();
        scheduled = false;
        return batch;
    }
}
