package dev.caisey.console.records;

import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.timeline.TimelineSource;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;

/** A session's timeline read from the local mirror, page by page (the Records tab's, and the timeline benchmark's). */
public record MirrorTimelineSource(Mirror mirror, String session) implements TimelineSource {
    @Override
    public long lastSeq() {
        return mirror.lastSeq(session);
    }

    @Override
    public List<RecordedEvent> events(long afterSeq, int limit) {
        return mirror.events(session, afterSeq, limit);
    }
}
