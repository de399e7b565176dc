package dev.caisey.console.timeline;

import dev.caisey.record.event.RecordedEvent;
import java.util.List;

/**
 * Where the timeline reads one session's events from. It exists so the viewer does not care whether the events come
 * from the local mirror, an export file or a test's list: the mirror implements it, and the viewer asks only for pages
 * of events after a known {@code seq}, so a session of any length is never read into memory at once.
 *
 * <p>Every method may block (disk, database) and is called off the UI thread only.
 */
public interface TimelineSource {
    /** The session's id. */
    String session();

    /** The {@code seq} of the session's newest event now, which is also how many events there are; 0 when none. */
    long lastSeq();

    /**
     * Up to {@code limit} events whose {@code seq} is greater than {@code afterSeq}, in ascending {@code seq} without
     * gaps; empty when there are none yet.
     */
    List<RecordedEvent> events(long afterSeq, int limit);
}
