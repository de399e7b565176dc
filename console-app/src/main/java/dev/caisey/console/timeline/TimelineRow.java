package dev.caisey.console.timeline;

import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Role;
import dev.caisey.report.phrasebook.TimelineEntry;
import java.util.Objects;

/**
 * One line of the timeline list: an event, a stretch without activity between two shown events, or one line of a
 * command's output under its expanded command. The list is sorted by {@link #seq()} and then {@link #rank()}: a gap
 * comes just before the event that ends it, output lines just after their command. Rows are small immutable values so
 * a session of 100,000 events fits in a virtualized list and a cell only lays out what it is given.
 */
public sealed interface TimelineRow permits TimelineRow.EventRow, TimelineRow.GapRow, TimelineRow.OutputRow {
    /** The {@code seq} this row sorts by. */
    long seq();

    /** The order among rows of one {@code seq}: gap 0, event 1, output 2. */
    int rank();

    /** How a verification is shown. */
    enum Mark {
        /** Not a verification. */
        NONE,
        /** A passed check: the fix works. */
        PASSED,
        /** A failed check: the fix does not work yet. */
        FAILED
    }

    /**
     * An event worded by the report's narrative.
     *
     * @param entry the plain-language line, with local time and actor
     * @param type the event's type, for the type filter
     * @param utcTime the same moment in UTC ("15:15:32 UTC"), for the tooltip
     * @param commandId the command the event belongs to, or {@code null}
     * @param path the command's approval path so far, on the row that requested the command; else {@code null}
     * @param mark whether the row is a verification, and its verdict
     */
    record EventRow(TimelineEntry entry, EventType type, String utcTime, String commandId, ApprovalPath path, Mark mark)
            implements TimelineRow {
        /** Checks the required members. */
        public EventRow {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(utcTime, "utcTime");
            Objects.requireNonNull(mark, "mark");
        }

        @Override
        public long seq() {
            return entry.seq();
        }

        @Override
        public int rank() {
            return 1;
        }

        /** The swimlane the event belongs in: who caused it. */
        public Role lane() {
            return entry.role();
        }

        /** The event's UTC time in microseconds. */
        public long at() {
            return entry.at();
        }

        /** This row with a newer approval path. */
        EventRow withPath(ApprovalPath newer) {
            return new EventRow(entry, type, utcTime, commandId, newer, mark);
        }
    }

    /**
     * A stretch longer than the threshold between two shown events.
     *
     * @param seq the {@code seq} of the event after the gap
     * @param fromAt the earlier event's time, UTC microseconds
     * @param toAt the later event's time, UTC microseconds
     * @param text "12 min without activity"
     */
    record GapRow(long seq, long fromAt, long toAt, String text) implements TimelineRow {
        @Override
        public int rank() {
            return 0;
        }
    }

    /**
     * One line of an expanded command's output, or the note of how many lines were left out.
     *
     * @param seq the {@code seq} of the command's request row
     * @param text the line
     * @param stderr whether the line came on the error channel
     * @param note whether this is the note of omitted lines rather than output
     */
    record OutputRow(long seq, String text, boolean stderr, boolean note) implements TimelineRow {
        @Override
        public int rank() {
            return 2;
        }
    }
}
