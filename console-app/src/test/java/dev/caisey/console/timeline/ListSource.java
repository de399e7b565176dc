package dev.caisey.console.timeline;

import dev.caisey.record.event.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link TimelineSource} over a list of real chained events, as the mirror would serve them: pages after a {@code
 * seq}, with only the first {@link #reveal(int) revealed} events visible so a test can let the session grow. It
 * remembers every page asked for, so a test can see that a refresh reads only new events.
 */
final class ListSource implements TimelineSource {
    private final String session;
    private final List<RecordedEvent> events;
    private final List<Long> asked = new CopyOnWriteArrayList<>();
    private volatile int visible;

    /** A source showing all of {@code events}. */
    ListSource(List<RecordedEvent> events) {
        this.session = events.getFirst().session();
        this.events = List.copyOf(events);
        this.visible = events.size();
    }

    /** Shows only the first {@code count} events from now on. */
    ListSource reveal(int count) {
        this.visible = Math.min(count, events.size());
        return this;
    }

    /** The {@code afterSeq} of every page asked for, in order. */
    List<Long> asked() {
        return new ArrayList<>(asked);
    }

    @Override
    public String session() {
        return session;
    }

    @Override
    public long lastSeq() {
        int n = visible;
        return n == 0 ? 0 : events.get(n - 1).seq();
    }

    @Override
    public List<RecordedEvent> events(long afterSeq, int limit) {
        asked.add(afterSeq);
        int from = (int) Math.min(afterSeq, visible);
        int to = (int) Math.min((long) from + limit, visible);
        return events.subList(from, to);
    }
}
