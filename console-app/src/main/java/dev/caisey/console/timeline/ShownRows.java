package dev.caisey.console.timeline;

import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.console.timeline.TimelineRow.GapRow;
import dev.caisey.console.timeline.TimelineRow.OutputRow;
import dev.caisey.report.phrasebook.LocalClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Lays out what the list shows from the loaded events: the rows the filters let through, a gap row wherever two
 * consecutive shown events are further apart than the threshold, and the output lines of expanded commands under
 * them. It exists apart from the view model so that filtering (a full pass, run when a filter changes) and appending a
 * new page (a pass over the page only) give exactly the same rows. Pure functions of their arguments.
 */
final class ShownRows {
    /** The default threshold above which a quiet stretch is shown as a gap. */
    static final Duration DEFAULT_GAP = Duration.ofMinutes(5);

    private final long gapMicros;

    /** Rows with gaps longer than {@code gap}. */
    ShownRows(Duration gap) {
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("the gap threshold must be positive; it was " + gap);
        }
        this.gapMicros = gap.toNanos() / 1_000;
    }

    /** The threshold in microseconds. */
    long gapMicros() {
        return gapMicros;
    }

    /** Every shown row of {@code all}. */
    List<TimelineRow> of(List<EventRow> all, Predicate<EventRow> shown, Map<Long, List<OutputRow>> expanded) {
        List<TimelineRow> rows = new ArrayList<>(all.size() + expanded.size() * 4);
        append(rows, null, all, shown, expanded);
        return rows;
    }

    /**
     * Appends to {@code rows} the shown rows of {@code added}, which follow {@code lastShown} (the last event row
     * shown so far, or {@code null}); returns the last event row shown afterwards.
     */
    EventRow append(
            List<TimelineRow> rows,
            EventRow lastShown,
            List<EventRow> added,
            Predicate<EventRow> shown,
            Map<Long, List<OutputRow>> expanded) {
        EventRow last = lastShown;
        for (EventRow row : added) {
            if (!shown.test(row)) {
                continue;
            }
            if (last != null && row.at() - last.at() > gapMicros) {
                rows.add(gap(last, row));
            }
            rows.add(row);
            List<OutputRow> output = expanded.get(row.seq());
            if (output != null) {
                rows.addAll(output);
            }
            last = row;
        }
        return last;
    }

    /** The gap row between two events. */
    static GapRow gap(EventRow before, EventRow after) {
        return new GapRow(
                after.seq(),
                before.at(),
                after.at(),
                LocalClock.duration(before.at(), after.at()) + " without activity");
    }

    /** The index of the event row with this {@code seq} in {@code rows}, or -1; rows are sorted (binary search). */
    static int indexOf(List<? extends TimelineRow> rows, long seq) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            TimelineRow row = rows.get(mid);
            int c = row.seq() != seq ? Long.compare(row.seq(), seq) : Integer.compare(row.rank(), 1);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The index of the first event row at or after {@code seq}, or -1 when every shown event is earlier. */
    static int atOrAfter(List<TimelineRow> rows, long seq) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            TimelineRow row = rows.get(mid);
            boolean before = row.seq() < seq || (row.seq() == seq && row.rank() < 1);
            if (before) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low; i < rows.size(); i++) {
            if (rows.get(i) instanceof EventRow) {
                return i;
            }
        }
        return -1;
    }

    /** The last event row of {@code rows}, or {@code null}. */
    static EventRow lastEvent(List<TimelineRow> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof EventRow e) {
                return e;
            }
        }
        return null;
    }

    /** The index of the first event row at or after {@code micros} (UTC), or -1 when every shown event is earlier. */
    static int atOrAfterTime(List<TimelineRow> rows, long micros) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof EventRow e && e.at() >= micros) {
                return i;
            }
        }
        return -1;
    }
}
