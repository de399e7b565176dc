package dev.caisey.console.session;

import dev.caisey.record.event.RecordedEvent;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The events of a session received so far, as an immutable list that is cheap to extend: {@link #plus} shares the
 * backing array with the list it came from and writes only past that list's end, so every earlier snapshot stays
 * valid and unchanged while a session grows to hundreds of thousands of events. Only one thread appends (the
 * connection's event thread); snapshots may be read from any thread once handed over.
 */
public final class EventLog extends AbstractList<RecordedEvent> implements RandomAccess {
    private static final EventLog EMPTY = new EventLog(new RecordedEvent[16], 0);

    private final RecordedEvent[] events;
    private final int size;

    private EventLog(RecordedEvent[] events, int size) {
        this.events = events;
        this.size = size;
    }

    /** No events. */
    public static EventLog empty() {
        return EMPTY;
    }

    /** This log with {@code event} after its last one; this log is unchanged. */
    EventLog plus(RecordedEvent event) {
        RecordedEvent[] target = events;
        if (size == target.length || target[size] != null) {
            // Full, or another log already grew from this one: continue on a copy of our own.
            target = Arrays.copyOf(events, Math.max(16, size * 2));
            Arrays.fill(target, size, target.length, null);
        }
        target[size] = event;
        return new EventLog(target, size + 1);
    }

    @Override
    public RecordedEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event index " + index + " of " + size);
        }
        return events[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The last event's number, 0 when empty. */
    public long lastSeq() {
        return size == 0 ? 0 : events[size - 1].seq();
    }
}
