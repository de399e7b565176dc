package dev.caisey.bench.timeline;

import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.timeline.TimelineSource;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;

/**
 * A session's timeline read from the mirror page by page, as the console's Records tab reads it (its own source is
 * package-private there, and this is all it does).
 */
record MirrorSource(Mirror mirror, String session) implements TimelineSource {
    @Override
    public long lastSeq() {
        return mirror.lastSeq(session);
    }

    @Override
    public List<RecordedEvent> events(long afterSeq, int limit) {
        return mirror.events(session, afterSeq, limit);
    }
}
